"""What each seed article states, asked in SPARQL through the public interface, by labels not IRIs.

Each expectation was written by reading the article in ``../shared/seeds/``.
"""

from __future__ import annotations

from decimal import Decimal


def labels(store, sparql: str) -> set[str]:
    """The English names a query returns (an entity may have a Chinese rdfs:label beside its English one)."""
    return {str(row[0]) for row in store.query(sparql).rows if getattr(row[0], "language", None) != "zh"}


def test_exencell_teamed_up_with_its_named_partners(seed_store):
    """000: 'EXENCELL teamed up with ... (ACE Battery, Tecloman), (Solarspace), (Harmontronics), (Schneider)'."""
    partners = labels(seed_store, """
        SELECT ?name WHERE {
          ?x rdfs:label "EXENCELL"@en . ?x bkg:partnerOf ?p . ?p rdfs:label ?name FILTER(lang(?name) = 'en') }""")
    assert partners == {"ACE Battery", "Tecloman", "Solarspace", "Harmontronics", "Schneider Electric"}


def test_government_delegates_visited_the_mianyang_factory_on_the_stated_day(seed_store):
    """000: 'On December 28, 2023, government delegates from ... Chongqing Municipality and Sichuan Province,
    convened at EXENCELL Mianyang Factory'."""
    rows = seed_store.query("""
        SELECT ?date ?placeName ?delegationName WHERE {
          ?visit a bkg:Visit ; schema:startDate ?date ; schema:location ?place ; bkg:delegation ?d .
          ?place rdfs:label ?placeName FILTER(lang(?placeName) = 'en') . ?d rdfs:label ?delegationName FILTER(lang(?delegationName) = 'en') }""").rows
    assert {str(r[0]) for r in rows} == {"2023-12-28"}
    assert {str(r[1]) for r in rows} == {"EXENCELL Mianyang Factory"}
    assert {str(r[2]) for r in rows} == {"People's Government of Chongqing Municipality",
                                          "People's Government of Sichuan Province"}


def test_jeff_you_is_ceo_of_exencell_and_spoke(seed_store):
    rows = seed_store.query("""
        SELECT ?title ?orgName WHERE {
          ?p rdfs:label "Jeff You"@en ; schema:jobTitle ?title ; schema:worksFor ?org .
          ?org rdfs:label ?orgName FILTER(lang(?orgName) = 'en') . ?event bkg:speaker ?p }""").rows
    assert [(str(t), str(o)) for t, o in rows] == [("Co-founder and CEO", "EXENCELL")]


def test_shanghai_conference_speakers_and_keynote(seed_store):
    """001: Tang Wenkan and Yuan Guohua delivered speeches; Zhao Tianshou was the keynote speaker."""
    speakers = labels(seed_store, """
        SELECT ?name WHERE {
          ?c rdfs:label "2023 International Energy Storage Technology, Equipment and Application (Shanghai) Conference and Exhibition"@en ;
             ?role ?p . ?role rdfs:subPropertyOf* bkg:speaker . ?p rdfs:label ?name FILTER(lang(?name) = 'en') }""")
    assert speakers == {"Tang Wenkan", "Yuan Guohua", "Zhao Tianshou"}
    keynote = labels(seed_store, "SELECT ?n WHERE { ?c bkg:keynoteSpeaker ?p . ?p rdfs:label ?n FILTER(lang(?n) = 'en') }")
    assert keynote == {"Zhao Tianshou"}


def test_shanghai_conference_opened_on_october_31_in_shanghai(seed_store):
    rows = seed_store.query("""
        SELECT ?date ?place WHERE {
          ?c a bkg:Conference ; schema:startDate ?date ; schema:location/rdfs:label ?place FILTER(lang(?place) = 'en') .
          FILTER(CONTAINS(STR(?c), "shanghai")) }""").rows
    assert [(str(d), str(p)) for d, p in rows] == [("2023-10-31", "Shanghai")]


def test_people_and_their_organisations(seed_store):
    rows = seed_store.query("""
        SELECT ?person ?org WHERE { ?p a bkg:Person ; rdfs:label ?person ; schema:worksFor/rdfs:label ?org FILTER(lang(?org) = 'en') }""").rows
    assert {(str(p), str(o)) for p, o in rows} == {
        ("Jeff You", "EXENCELL"),
        ("Tang Wenkan", "Shanghai Municipal Commission of Economy and Informatization"),
        ("Yuan Guohua", "Lingang Group"),
        ("Zhao Tianshou", "Chinese Academy of Sciences"),
    }


def test_world_power_battery_conference_2024_is_one_node_stated_by_two_sources(seed_store):
    """002 and 004 both report the 2024 conference; both stand behind the same node."""
    sources = labels(seed_store, """
        SELECT DISTINCT ?id WHERE {
          ?c rdfs:label "2024 World Power Battery Conference"@en .
          GRAPH ?a { ?c ?p ?o } ?a bkg:source/bkg:sourceId ?id }""")
    assert sources == {"002_14e0f3445d4c3602", "004_0e69c092427fc0c2"}


def test_world_power_battery_conference_2024_host_organisers_dates_place(seed_store):
    rows = seed_store.query("""
        SELECT ?start ?end ?place WHERE {
          ?c rdfs:label "2024 World Power Battery Conference"@en ;
             schema:startDate ?start ; schema:endDate ?end ; schema:location/rdfs:label ?place FILTER(lang(?place) = 'en') }""").rows
    assert [(str(s), str(e), str(p)) for s, e, p in rows] == [("2024-09-01", "2024-09-02", "Yibin City")]
    host = labels(seed_store, """SELECT ?n WHERE {
        ?c rdfs:label "2024 World Power Battery Conference"@en ; bkg:host/rdfs:label ?n FILTER(lang(?n) = 'en') }""")
    assert host == {"People's Government of Sichuan Province"}
    organisers = labels(seed_store, """SELECT ?n WHERE {
        ?c rdfs:label "2024 World Power Battery Conference"@en ; ?p ?o . ?p rdfs:subPropertyOf* schema:organizer .
        ?o rdfs:label ?n FILTER(lang(?n) = 'en') }""")
    assert organisers == {"People's Government of Sichuan Province", "People's Government of Yibin City",
                          "Sichuan Provincial Economic and Information Department"}
    guest = labels(seed_store, """SELECT ?n WHERE {
        ?c rdfs:label "2024 World Power Battery Conference"@en ; bkg:guestOfHonour/rdfs:label ?n FILTER(lang(?n) = 'en') }""")
    assert guest == {"United Arab Emirates"}


def test_projects_signed_at_world_power_battery_conference_2024(seed_store):
    """002: '137 projects were signed with a combined investment of 95.25 billion yuan'."""
    rows = seed_store.query("""
        SELECT ?value ?unit WHERE {
          ?o bkg:about ?c ; bkg:quantity ?q . ?c rdfs:label "2024 World Power Battery Conference"@en .
          ?q schema:value ?value . OPTIONAL { ?q schema:unitText ?unit } OPTIONAL { ?q schema:currency ?unit } }""").rows
    figures = {(Decimal(str(v)), str(u)) for v, u in rows}
    assert (Decimal(137), "projects") in figures
    assert (Decimal("95250000000"), "CNY") in figures
    assert (Decimal("13400000000"), "USD") in figures
    assert (Decimal(133), "projects") in figures
    assert (Decimal("84550000000"), "CNY") in figures


def test_dazhou_sodium_ion_agreement_amount_parties_place_date(seed_store):
    """003: the investment cooperation agreement between Liaoning Xingkong Sodium Battery and Liaoning
    Hongcheng Power Supply, 11.5 billion yuan, in the East Economic Development Zone of Dazhou, 2024-02-20."""
    rows = seed_store.query("""
        SELECT ?value ?currency ?zone ?date ?tech WHERE {
          ?p a bkg:InvestmentProject ; bkg:plannedInvestment ?m ; schema:location/rdfs:label ?zone ;
             bkg:signingDate ?date ; bkg:technology/rdfs:label ?tech FILTER(lang(?tech) = 'en') .
          ?m schema:value ?value ; schema:currency ?currency }""").rows
    assert {(Decimal(str(v)), str(c), str(z), str(d), str(t)) for v, c, z, d, t in rows} >= {
        (Decimal("11500000000"), "CNY", "East Economic Development Zone of Dazhou", "2024-02-20", "Sodium-ion battery")}
    parties = labels(seed_store, "SELECT ?n WHERE { ?p a bkg:InvestmentProject ; bkg:party/rdfs:label ?n FILTER(lang(?n) = 'en') }")
    assert parties == {"Liaoning Xingkong Sodium Battery Co., Ltd.", "Liaoning Hongcheng Power Supply Co., Ltd."}


def test_place_hierarchy_reaches_china(seed_store):
    chain = labels(seed_store, """
        SELECT ?n WHERE { ?z rdfs:label "East Economic Development Zone of Dazhou"@en ;
                          schema:containedInPlace+ ?p . ?p rdfs:label ?n FILTER(lang(?n) = 'en') }""")
    assert chain == {"Dazhou City", "Sichuan Province", "China"}


def test_yibin_power_battery_sales_2023(seed_store):
    """004: 'In 2023, the sales volume of power batteries in Yibin City reached 96 GWh'."""
    rows = seed_store.query("""
        SELECT ?value ?start ?end WHERE {
          ?o bkg:about/rdfs:label "Yibin City"@en ; bkg:quantity ?q ; schema:startDate ?start ; schema:endDate ?end .
          ?q schema:unitText "GWh" ; schema:value ?value }""").rows
    assert [(Decimal(str(v)), str(s), str(e)) for v, s, e in rows] == [
        (Decimal(96), "2023-01-01", "2023-12-31")]


def test_new_energy_vehicle_production_and_sales_2023(seed_store):
    rows = seed_store.query("""
        SELECT ?value ?growth WHERE { ?o bkg:quantity ?q ; bkg:growthRate ?growth .
          ?q schema:unitText "vehicles" ; schema:value ?value }""").rows
    assert {(Decimal(str(v)), Decimal(str(g))) for v, g in rows} == {
        (Decimal("9587000"), Decimal("35.8")), (Decimal("9495000"), Decimal("37.9"))}


def sentences_behind(store, subject: str, relation: str, obj: str) -> set[str]:
    """The texts of the sentences whose assertions state ``subject relation obj`` (named by labels)."""
    return labels(store, f"""
        SELECT ?text WHERE {{
          ?s rdfs:label "{subject}"@en . ?o rdfs:label "{obj}"@en .
          GRAPH ?a {{ ?s {relation} ?o }} ?a bkg:evidence/schema:text ?text }}""")


def test_what_exencells_named_partners_make(seed_store):
    """000: 'energy storage system integrators (ACE Battery, Tecloman), PV cell and module manufacture
    (Solarspace), industrial automation manufacturer (Harmontronics), and electrical equipment manufacturer
    (Schneider)'."""
    rows = seed_store.query("""
        SELECT ?company ?field WHERE {
          ?x rdfs:label "EXENCELL"@en ; bkg:partnerOf ?p . ?p rdfs:label ?company ; bkg:produces/rdfs:label ?field
          FILTER(lang(?company) = 'en' && lang(?field) = 'en') }""").rows
    assert {(str(c), str(f)) for c, f in rows} == {
        ("ACE Battery", "Energy storage"), ("Tecloman", "Energy storage"), ("Solarspace", "Photovoltaics"),
        ("Harmontronics", "Industrial automation"), ("Schneider Electric", "Electrical equipment")}


def test_the_two_governments_sent_the_delegations_of_the_visit(seed_store):
    """000: the headline ('Government Delegates from Chongqing Municipality and Sichuan Province Visited ...'),
    the first sentence, and 'Chongqing and Sichuan governments hoped to convey ... in this visit'."""
    visit = "Government delegates' visit to EXENCELL Mianyang Factory, December 2023"
    for government in ("People's Government of Chongqing Municipality", "People's Government of Sichuan Province"):
        texts = sentences_behind(seed_store, visit, "bkg:delegation", government)
        assert len(texts) == 3
        assert any(t.startswith("Government Delegates from Chongqing Municipality") for t in texts)
        assert any("Chongqing and Sichuan governments hoped to convey their determination" in t for t in texts)
    topics = labels(seed_store, f"""SELECT ?n WHERE {{ ?v rdfs:label "{visit}"@en ; bkg:topic/rdfs:label ?n FILTER(lang(?n) = 'en') }}""")
    assert topics == {"Energy storage"}


def test_the_mianyang_factory_is_exencells_and_in_mianyang(seed_store):
    """000, headline: 'EXENCELL Mianyang Factory'."""
    rows = seed_store.query("""
        SELECT ?operator ?where ?city WHERE {
          ?f rdfs:label "EXENCELL Mianyang Factory"@en ; bkg:operator/rdfs:label ?operator ;
             schema:location/rdfs:label ?where ; schema:containedInPlace/rdfs:label ?city
          FILTER(lang(?operator) = 'en' && lang(?where) = 'en' && lang(?city) = 'en') }""").rows
    assert [(str(o), str(w), str(c)) for o, w, c in rows] == [("EXENCELL", "Mianyang City", "Mianyang City")]


def test_mr_tang_presented_at_the_shanghai_conference(seed_store):
    """001: 'Mr. Tang presented that Shanghai attaches great importance to the development of new energy
    storage equipment industry ...' — Mr. Tang is Tang Wenkan."""
    conference = ("2023 International Energy Storage Technology, Equipment and Application (Shanghai) "
                  "Conference and Exhibition")
    spoke = sentences_behind(seed_store, conference, "bkg:speaker", "Tang Wenkan")
    assert any(t.startswith("Mr. Tang presented that Shanghai attaches great importance") for t in spoke)
    about = sentences_behind(seed_store, conference, "bkg:topic", "Energy storage")
    assert any(t.startswith("Mr. Tang presented") for t in about)
    alias = labels(seed_store, 'SELECT ?n WHERE { ?p skos:altLabel "Mr. Tang"@en ; rdfs:label ?n }')
    assert alias == {"Tang Wenkan"}


def test_the_sodium_ion_article_places_dazhou_in_sichuan(seed_store):
    """003: the headline 'Sichuan plans to build a comprehensive sodium ion battery industry project', and the
    project 'has landed in the East Economic Development Zone of Dazhou'."""
    sources = labels(seed_store, """
        SELECT ?id WHERE { ?d rdfs:label "Dazhou City"@en . ?s rdfs:label "Sichuan Province"@en .
          GRAPH ?a { ?d schema:containedInPlace ?s } ?a bkg:source/bkg:sourceId ?id }""")
    assert sources == {"003_a93420692c2367a5"}
    where = labels(seed_store, """
        SELECT ?n WHERE { ?p rdfs:label "Comprehensive sodium-ion battery industry project in Dazhou"@en ;
          schema:location/schema:containedInPlace* ?place . ?place rdfs:label ?n FILTER(lang(?n) = 'en') }""")
    assert where == {"East Economic Development Zone of Dazhou", "Dazhou City", "Sichuan Province", "China"}
