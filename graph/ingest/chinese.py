"""Reading Chinese news: simplified script, sentences, names, and the English name a new entity is proposed with.

The region's own news is Chinese. An article is read as :mod:`graph.ingest.chinese_text` normalises it
(simplified script, pinyin readings read through, sentences at 。！？； and line breaks, every offset kept), and
segmented with jieba, whose dictionary is taught every Chinese name the registry and the
bundled lists know. Names are found by

* **known names**: every Chinese name of the registry and the bundled places, companies and technologies;
* **suffixes**: a company ends in 有限公司 / 集团 / 公司, a government body in 人民政府 / 管委会 (or a place
  followed by a department ending in 厅 / 局 / 委), a park in 新区 / 经开区 / 产业园 …, a project in 项目 / 生产基地,
  a conference in 大会 / 博览会 / 论坛; the name runs left over jieba's words until a word that cannot be
  part of it (与, 由, 在, 签署, 投资, a punctuation mark, …);
* **lists**: "已落户融捷锂业、上海璞泰来、明超电缆等重点企业" — each item a company;
* **titles**: "董事长曾毓群" — a person, who works for the organisation named before the title.

Relations come from :mod:`graph.ingest.chinese_rules`.

>>> from graph.ingest.resolve import Knowledge
>>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
>>> [(m.text, m.kind) for m in recognise("宜宾市人民政府与四川华鼎新材料有限公司签署投资协议。")]
[('宜宾市人民政府', 'GovernmentBody'), ('四川华鼎新材料有限公司', 'Company')]
>>> english_name("四川华鼎新材料有限公司", Knowledge.load(use_registry=False))
'Sichuan Huading New Materials Co., Ltd.'
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from .chinese_model import chinese_model
from .chinese_text import CJK, CJK_CHAR, chinese_sentences, is_chinese, to_simplified
from .recogniser import Mention
from .resolve import Knowledge
from .spans import Spans

__all__ = ["ChineseRecogniser", "english_name", "FOUNDS_VENTURE"]

# ---------------------------------------------------------------------------------------------------------------
# names

# a company named by what it is, not who: 合资公司, 子公司, 上市公司, 两家上市公司 (jieba's words, or these words alone)
_GENERIC_COMPANY = re.compile(r"(?:合资|独资|全资|控股|参股|母|子|分|上市|国有|民营|外资|科技型|龙头|新能源|整车|电池|材料|"
                              r"投资|平台|项目|运营|本|该|这家|一家|多家|[两二三四五六七八九十几数]家|各)+(?:公司|集团|企业)")
_COMPANY_SUFFIX = r"(?:集团股份有限公司|集团有限责任公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|分公司|子公司|公司|集团)"
_GOVERNMENT_SUFFIX = r"(?:人民政府|政府|管理委员会|管委会|党工委|党委|人大常委会|常委会|政协|建设指挥部|指挥部)"
# a party committee's departments are its (宜宾市委宣传部, 天全县委统战部): the committee alone is another body
_DEPARTMENT_SUFFIX = r"(?:委(?:宣传|统战|组织)部|委员会|厅|局|委|办公室|办)"
# (an industrial city, 珞璜临港产业城, and a bonded zone, 江津综保区, are zones built for industry too)
_PARK_SUFFIX = (r"(?:经济技术开发区|高新技术产业开发区|高新技术开发区|经济开发区|高新区|经开区|开发区|新区|产业园区|工业园区|"
                r"产业园|工业园|园区|科技城|科学城|产业城|综合保税区|综保区|示范园|产业带|产业集中区|集中区|产业功能区|功能区|特色小镇|新镇|"
                rf"(?<=区)[{CJK}]{{2,3}}组团)"
                r"(?:[(（](?!以下|简称|下称)[^()（）]{1,10}[)）])?")
# a park's kind alone, no name: 工业园区, 高新技术园区, 高新技术产业园区
_PARK_KIND_ONLY = re.compile(r"(?:高新技术|经济技术|高新|经济|工业|产业|科技)?(?:产业园区|工业园区|园区|产业园|工业园|开发区|经开区|"
                             r"高新区|集中区)")
_PROJECT_SUFFIX = r"(?:项目|生产基地|制造基地|产业基地|研发基地|产业化基地)"
_CONFERENCE_SUFFIX = r"(?:大会|博览会|论坛|峰会|展览会|交易会|洽谈会|研讨会|年会|推介会|{})".format(
    "|".join(_MEETINGS := ("推进会", "座谈会", "对接会", "恳谈会", "招商会", "发布会", "交流会", "对接活动")))
# a conference's edition before its name: 第十八届西博会, 首届…高峰论坛
_EDITION_WORDS = r"(?:第[一二三四五六七八九十百零〇\d]+|首)届"
_EDITION = re.compile(_EDITION_WORDS + "$")
# a university's campus city in brackets is part of its name: 中国地质大学(武汉), 中国石油大学(华东)
_ORGANISATION_SUFFIX = (r"(?:大学(?:[(（][\u4e00-\u9fff]{2,4}[)）])?|学院|研究院|研究所|协会|联盟|商会|实验室|研究中心|创新中心|"
                        r"检测中心|科学院|工程院|投资基金|产业基金)")
# the party committee of a university or a company (重庆大学党委): its people work for the university or company
_ORGANISATIONS_COMMITTEE = re.compile(f"(?:{_ORGANISATION_SUFFIX}|{_COMPANY_SUFFIX})党委$")
#: how a government body's or a department's name ends
_BODY_SUFFIX = f"(?:{_GOVERNMENT_SUFFIX}|{_DEPARTMENT_SUFFIX})"
#: how the name of an organisation LAC finds says what it is (any other is a company)
# (a zone's centre of economic cooperation, investment promotion or services is its administration's office:
# 遂宁高新区经合中心)
_MODEL_KINDS = [("GovernmentBody", r"(?:高新区|经开区|开发区|新区|园区)(?:经合|经济合作|招商|投促|投资促进|政务服务|服务)中心"),
                ("GovernmentBody", _BODY_SUFFIX),
                ("IndustrialPark", _PARK_SUFFIX), ("Conference", _CONFERENCE_SUFFIX),
                ("Organization", f"(?:{_ORGANISATION_SUFFIX}|中心|基金|平台|学会|联合会|工商联|所)")]
#: the State Council's ministries and commissions the news of the industry names, in full and short: bodies of the
#: country, whose names give no place
_NATIONAL_BODY = re.compile(r"(?:中华人民共和国)?(?:工业和信息化部|工信部|科学技术部|科技部|商务部|财政部|自然资源部|生态环境部|"
                            r"交通运输部|住房和城乡建设部|住建部|应急管理部|农业农村部|教育部|外交部|水利部|"
                            r"国家发展和改革委员会|国家发展改革委|国家发改委|国家能源局|国务院国资委|国资委|国务院|"
                            r"国家市场监督管理总局|市场监管总局)")
#: how the name of anything but a company ends: a list's item named so is no company
_OTHER_THAN_COMPANY = re.compile("(?:" + "|".join(suffix for _, suffix in _MODEL_KINDS) + f"|{_PROJECT_SUFFIX})$")
#: a word of the language's dictionary this often (新华社, 党中央, 深交所) is an institution everyone knows, not a
#: party of the story's deals
_WELL_KNOWN_WORD = 20
#: what LAC may call an organisation and is none: a newspaper, a facility (a plant, a venue: 会议中心, 制造中心), a
#: branch's seat, an industry
_NOT_AN_ORGANISATION = re.compile(r"(?:报讯|报|社|网|台|电厂|电站|工厂|基地|总部|项目|产业|地区|"
                                  r"(?:会议|会展|展览|制造|回收|物流|数据|体育)中心)$")
#: how the name of an organisation ends (a company's legal form, a body's, an institution's)
_ORGANISATION_ENDING = re.compile(f"(?:{_COMPANY_SUFFIX}|{_BODY_SUFFIX}|{_ORGANISATION_SUFFIX}|中心|学会)$")
#: the verbs of a story's events, which no name holds: LAC's 珞璜临港产业城成立控股公司 is a phrase (攀钢 and 超净, which
#: jieba also reads as verbs, are the names' own words)
_STORY_VERB = re.compile(r"成立|签约|签署|投资|建设|举行|召开|推动|打造|落户|实施|开工|投产|助力|参加|出席|委托")
#: the words before a byline's name: 编辑:李柯佑
_BYLINE = re.compile(r"(?:编辑|编輯|記者|记者|作者|责编|責編|通讯员|通訊員|摄影|攝影|审核|審核|校对|校對)\s*[:：]?\s*$")
_SUFFIXES = [
    # a company's legal form, after the place of a regional company if any: 中创新航科技(四川)有限公司
    ("Company", re.compile(rf"(?:[(（][{CJK}]{{2,4}}[)）])?(?:有限公司|有限责任公司|股份有限公司|公司)|{_COMPANY_SUFFIX}")),
    ("GovernmentBody", re.compile(_GOVERNMENT_SUFFIX)),
    ("IndustrialPark", re.compile(_PARK_SUFFIX)),
    ("InvestmentProject", re.compile(_PROJECT_SUFFIX)),
    ("Conference", re.compile(_CONFERENCE_SUFFIX)),
    ("Organization", re.compile(_ORGANISATION_SUFFIX)),
]
_LONGEST = {"Company": 30, "GovernmentBody": 24, "IndustrialPark": 24, "InvestmentProject": 45, "Conference": 30,
            "Organization": 30}
_SHORTEST = {"Company": 2, "GovernmentBody": 2, "IndustrialPark": 2, "InvestmentProject": 4, "Conference": 4,
             "Organization": 2}
# words that end a name when met going leftwards: function words, verbs of the story, time words, determiners
_STOP_WORDS = set("""
与 和 及 以及 同 跟 由 在 于 从 向 对 为 将 拟 把 被 让 使 并 还 也 都 又 再 即 就 才 其 该 此 这 那 这个 这些 本 各 每 其中
的 了 着 过 是 有 等 等等 之 或 而 且 但 如 若 因 以 至 到 给 自 经 据 据悉 据了解 了解 记者 表示 介绍 称 说 指出
签署 签约 签订 签下 投资 新建 建设 开工 投产 落户 落地 举行 召开 推进 实施 打造 引进 完成 参观 考察 调研 计划 预计
实现 达 达到 位于 坐落 选址 开展 成立 设立 发布 启动 开建 主办 承办 协办 出席 参加 达成 加快 正式 成功 顺利 总 共 共同
分别 已 已经 正在 目前 近日 日前 今年 去年 明年 当天 当日 此次 本次 此前 随后 同时 今后 未来 已于 将于 作为 通过 依托
围绕 聚焦 推动 助力 促进 带动 吸引 服务 支持 承接 联合 携手 合作 战略 签约仪式 仪式 上 中 内 下 后 前 期间 旗下 所属
全力 全面 重点 重大 一批 一个 一家 多家 其他 相关 有关 负责人 代表 领导 嘉宾 企业 投资方 这是 正是 也是 均为
新引进 引进的 包括 涵盖 覆盖 拥有 具有 形成 构建 布局 投用 投运 竣工 封顶 动工 开业 销售 提供 采购 收购
""".split())
_STOP_WORDS |= set("地处 打造成 建成 成为 引入 推动 吸引 聚集 集聚 包括 如 有 积极 加快推进 全力 着力 持续 进一步 年 月 日 号 全区 全市 全省 全县 "
                   "立足 航拍 图为 赴 带队 前往 来到 充分利用 两级 各级 三级 多级 共有 现有 走进 送至 围绕 所在地 所在 当地 双方 三方 各方 多方 我市 我省 我区 我县 我们".split())
# what kind of company it is, written before its name: 民企天齐集团, 央企中国电建
_STOP_WORDS |= set("民企 国企 央企 外企 港企 台企 私企 民营企业 国有企业 中央企业 外资企业 龙头企业 链主企业".split())
# "四川省经济和信息化厅特委托中国电子信息产业发展研究院": a commission (jieba reads 委托 as a noun too) is in no name
_STOP_WORDS |= {"委托"}
# the bar a headline's parts are parted by ("决胜满堂彩丨钒钛高新区荒坡上…"), a character jieba reads as a word
_STOP_WORDS |= {"丨", "｜"}
# the part a company plays on a building site, written before its name: "机电总承包单位中建五局安装公司西南公司"; and
# verbs jieba reads as nouns or a project's name may hold: "充分发挥天原集团…", "用于清陶固态电池西南产业基地项目"
_STOP_WORDS |= set("承包单位 总承包单位 施工单位 建设单位 业主单位 设计单位 监理单位 充分发挥 用于".split())
# a phrase that describes what a place wants to become is not a project's name
_DESCRIPTION = re.compile(r"世界级|全国|国家级|重要|最大|领先|一流|千亿|百亿|万亿|第一个|首个|多个|一批|三个|两个|个子项目|\d+个|"
                          r"[两二三四五六七八九十几]大(?!学|会|厦|道|街|桥|区|湾)|很多|许多|众多|一些|不少|部分|第[一二三四五六七八九十\d]+批|首批")
# areas named by where they lie, no place's name: "成都及周边地区", "偏远山区"
_NO_PLACE_AREA = re.compile(r"(?:周边|周围|附近|其他|其它|相关|部分|贫困|边远|偏远|沿海|内陆|农村|城市|城区|山)(?:地区|山区|区)")
# the words a project is described with; a "project" named with nothing else (电网侧储能项目, 锂电产业重点项目,
# 动力电池生产基地, 独立储能电站项目, 全钒液流电池项目, 20亿元锂电池项目) is a kind of project, not one project's name
_GENERIC_PROJECT = re.compile(r"独立|分布式|试点|智能化|高品质|单一|钠离子|钠电|全钒液流|液流|钒|铜箔|锂盐|基础|产业链|"
                              r"\d+(?:\.\d+)?亿元|电网侧|用户侧|电源侧|储能|光伏|风电|光储充|光储|氢能|综合性|智慧|零碳|电厂|发电|锂离子|锂电池|锂电|动力电池|电池|产业化|产业|重点|重大|新能源|能源|示范|新材料|"
                              r"磷酸铁锂|三元|材料|生产|制造|一体化|正极|负极|新型|电站|光储|充电|汽车|零部件|配套|智能|"
                              r"绿色|低碳|循环|回收|利用|综合|开发|建设|技术|科技|研发|升级|改造|扩建|新建|集群|上下游|"
                              r"高端|先进|基地|工厂|的|和|及|与")
# the words a park or a research centre is described with; one named with nothing else (特色园区, 飞地园区,
# 锂电专业化园区, 工程技术创新中心, 重点实验室) is a kind of park or centre
_GENERIC_PARK = re.compile(_GENERIC_PROJECT.pattern + r"|特色|专业化|专业|飞地|承接|合作|共建|主题|省级|市级|县级|国家|工程|"
                           r"创新|企业|各类|该|本|这个|此")
# the parts of the country (or the world) a project or a goal is described with: "西部新能源产业基地", "全球新能源新材料
# 制造基地" are what a place wants to become
_REGION = re.compile(r"全球|国内|中国|全国|全省|西部|西南|西北|东部|东南|东北|中部|华南|华东|华中|华北|区域")
# what follows a place in the title a city is given: "宜宾建设中国动力电池之都", “中国锂电之都”
# and the goal a city or a region is set, in the words of its plans: "打造中国西部新型储能产业新高地", "走向“一带一路”的
# 中国西部新能源产业基地"; and the country's slogans (中国特色社会主义, 中国式现代化), which name no place of the story either
_TITLE_OF_A_CITY = re.compile(rf"[{CJK}]{{0,8}}?之都|[{CJK}]{{0,10}}?高地|(?:西部|西南|西北|东部|东南|中部)[{CJK}]{{0,8}}?基地|"
                              r"特色社会主义|式现代化")
# what follows a place in the name of a newspaper, a news site or a broadcaster (四川日报, 四川在线)
_MEDIA_AFTER = re.compile(r"(?:日报|晚报|晨报|商报|在线|新闻网|新闻|电视台|广播电视台|广播|观察|发布(?![了《“])|融媒体中心|融媒体|报社)")
# a newspaper or a news site named after a place and its trade, as datelines and credits give it: 中国电力报, 中国高新技术
# 产业导报, "中国储能网讯:" (no grid, 电网, and no filing, 申报, ends so)
_MEDIA_NAMED_AFTER = re.compile(rf"[{CJK}]{{1,8}}?(?:(?<![申上汇通情回举预捷喜简画])报|(?<![电管联])网)讯?(?![{CJK}])")
# the commonest Chinese surnames: a name after a title starts with one
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆"
                "范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柯庄"
                "凌牛聂关房左甘祝包宁尚符舒阮柏纪梅童凡葛晏车谷伍岳邢詹季景骆褚蓝卜单殷郎苗焦鲁喻饶邬樊齐申翟屈毕温俞傅蒲冉游鄢")
#: the single-character surnames of the Hundred Family Surnames (百家姓), less those that are also words a name
#: read by a model may start with (和, 于, 从, 向, 时, 国 …)
_FAMILY_SURNAMES = set(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳"
    "酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞"
    "熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓"
    "郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
    "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵"
    "冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东"
    "欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公"
) - set("和于从向时国都能通家成明平全双那相后利公经应解干空养须益广东别终居步满强路危古易慎戈水云山文乐元")
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "司徒", "慕容", "尉迟", "夏侯", "公孙")
# a word that ends in a title's last characters: 车间主任, 事务经理, 建设负责人, 副指挥长
_TITLE_END = r"(?:长|主任|经理|负责人|书记|总监|总裁|董事|主席|总经理|专员|工程师|秘书|委员)$"
# words that are verbs of the story elsewhere but a company's trade right before its legal form: 共济润道投资有限公司,
# 四川路桥建设集团, 华西能源服务有限公司
_TRADE_BEFORE_FORM = {"投资", "建设", "服务"}
# verbs that name what a park, a body or a company does, and so are part of its name: 锂钾综合开发产业园,
# 经济发展局, 循环经济示范园 (any other two-character verb ends a name met going leftwards)
_NAME_VERBS = {"开发", "发展", "示范", "孵化", "转化", "制造", "研发", "检测", "回收", "应用", "服务"}
# a body of "the" province, city, district, county or prefecture (州), the place left to the story: 省委, 市教委,
# 省经济合作局, 省人大常委会 — standing alone (after a mark, a conjunction or a verb); a party committee or a government
# so written (省委, 市政府, 县人民政府, 州政府) only before a title ("市委、区委有关会议精神" names no one body), a
# department also in a list or before the meeting it holds ("在省政府新闻办举行的…发布会")
_BODY_TITLE_AFTER = r"(?=党组|党委|主任|副|局长|厅长|书记|主席|委员|成员|负责人|秘书长)"
_BARE_BODY = re.compile(
    rf"(?:[省市区县州](?:委|人民政府|政府|人大常委会|政协|纪委){_BODY_TITLE_AFTER}|"
    rf"[省市区县][{CJK}]{{1,10}}?(?:委员会|厅|局|委|办公室|办)(?:{_BODY_TITLE_AFTER}|(?=[、，,。；;和与及等]|获悉|共同|联合|举行|召开|主办)))")
# the words of a company's trade its name ends with before its legal form: 金汇能新材料, 蜂巢能源科技
_TRADE_WORD = (r"(?:新能源科技|新材料科技|能源科技|电池科技|新能源|新材料|科技|能源|材料|锂业|锂电|电池|化工|矿业|实业|控股|"
               r"股份|动力|储能|电气|技术|工业|产业|发展|投资|汽车)")
_ONE_TRADE_WORD = r"(?:新能源|新材料|科技|技术|能源|材料|锂业|锂电|电池|化工|矿业|实业|控股|股份|动力|储能|电气|工业|产业|发展|投资|汽车)"
# where an industry is, written before its trade: "国内锂业巨头天齐锂业" names the lithium industry at home, no company
_SCOPE = {"国内", "国外", "海外", "境内", "境外", "全球", "全国", "行业"}
# the trades only a company's name ends with (a park, a project or a kind of thing is not named so)
_COMPANY_TRADE = re.compile(r"(?:锂业|钴业|钨业|矿业|锂能|汽车|股份|电气|化工|科技)"
                            r"(?!企业|行业|产业|领域|人才|创新|成果|园|城|工业|产品|零部件|板块|型|类|服务)")
# the words a kind of vehicle is named with (智能网联汽车, 纯电动汽车): no carmaker's name
_KIND_OF_VEHICLE = re.compile(r"网联|驾驶|商用|乘用|电动|燃料|燃油|纯电|混动|插混|专用|特种|重型|轻型|物流|客车|货车|无人|自动|氢")
# the long and the short names of a zone and of a government's departments, the same zone or body (经济开发区 is
# 经开区, 省发展改革委 is 省发改委)
_SYNONYMS = (("经济技术开发区", "经开区"), ("经济开发区", "经开区"), ("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"),
             ("发展和改革委员会", "发改委"), ("发展改革委", "发改委"), ("经济和信息化委员会", "经信委"), ("经济信息委", "经信委"),
             ("经济和信息化厅", "经信厅"), ("经济和信息化局", "经信局"), ("投资促进局", "投促局"), ("经济合作局", "经合局"),
             ("人力资源和社会保障局", "人社局"), ("人力社保局", "人社局"), ("管理委员会", "管委会"))
_LISTED_BODY = re.compile(rf"[省市区县][{CJK}]{{1,10}}?{_DEPARTMENT_SUFFIX}")
# the short names of the departments a place's government has, taught to jieba as words so that their
# characters are not read apart (经信厅 is not 经 + 信厅, 经合局 not 经 + 合局)
_DEPARTMENTS = ("经信厅 经信局 经信委 经济信息委 经济和信息化厅 经济和信息化局 经济和信息化委员会 发改委 发展改革委 发改局 "
                "发展和改革委员会 商务厅 商务局 商务委 科技厅 科技局 财政厅 财政局 自然资源厅 自然资源局 生态环境厅 生态环境局 "
                "投促局 投资促进局 经合局 经济合作局 招商局 国资委 教育厅 教育局 教委 住建厅 住建局 应急管理局 市场监管局 "
                "统计局 能源局 人社厅 人社局 人力社保局 交通运输厅 交通运输局 农业农村厅 农业农村局 水利厅 水利局 金融局 "
                "地方金融监督管理局 同城化办 招商引资局 营商环境局").split()
# the short words for a zone, taught to jieba so that their characters are not read with the name after them
# (雅安|经|开区雅化 is 雅安|经开区|雅化…)
_ZONES = ("经开区", "高新区", "开发区", "新区")
# the industry's words jieba reads apart into a function word and a verb (再|制造, remanufacturing), which would end a
# project's name met going leftwards: "香港邦兴(内江)新能源电池循环利用再制造项目"
_INDUSTRY_WORDS = ("再制造", "再利用")
# verbs that open a clause and take a name as their object (培育重庆太蓝新能源有限公司, 共建西部新能源产业基地,
# 保障在建光伏储能项目): no name starts with one, even where jieba joins it to the name's first characters (推动力|扬工业);
# nor with a distance (送至5公里外汉威…有限公司锂钾项目)
_OPENERS = re.compile("(?:推动|推进|培育|共建|保障|支持|扶持|鼓励|引导|标志着|标志|争创|创建|打造|依托|加快|加大|带动|助力|促进|吸引|"
                      "引进|引入|围绕|聚焦|壮大|做强|做大|服务|帮助|推广|建成|成为|积极|实施|发挥|构建|形成|建立|深化|加强|落实|"
                      "对接|承接|招引|争取|在建|新建|拟建|续建|即将|正在|已经|陆续|发往|销往|运往|送往|供应给|供货给|"
                      "\\d+(?:\\.\\d+)?(?:公里|千米|米)(?:以外|外|处))+")


def _after_openers(text: str, begin: int, before: int) -> int:
    """Where a name starts once the verbs that open its clause are left out: 重庆太蓝新能源有限公司 in
    培育重庆太蓝新能源有限公司 (``before``: where its suffix starts; at least two characters are left before it).

    >>> text = "推动力扬工业"
    >>> text[_after_openers(text, 0, len(text)):]
    '力扬工业'
    """
    opener = _OPENERS.match(text, begin)
    return opener.end() if opener and before - opener.end() >= 2 else begin


_DISTANCE = re.compile(r"\d+(?:\.\d+)?(?:公里|千米|米)(?:以外|外|处)")
_STOP_FLAGS = {"x", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "y", "e", "o", "w", "t", "tg", "q"}
_PROJECT_WORDS = re.compile(r"电池|储能|碳材|炭材|集流体|煤电|光储|电厂|发电|零碳|锂|钠|正极|负极|材料|隔膜|电解液|铜箔|铝箔|能源|光伏|矿|磷酸|碳酸|氢氧化|前驱体|"
                            r"电芯|模组|新能源|汽车|充电|回收|石墨|硅|化工|盐湖|卤水|电站|吨|GWh|吉瓦|兆瓦|万千瓦")
_TITLES = (r"(?:党委书记|党组书记|董事长|副董事长|总经理|副总经理|常务副总经理|总裁|副总裁|常务副总裁|首席执行官|首席科学家|总工程师|创始人|董事|"
           r"市长|副市长|常务副市长|省长|副省长|县长|副县长|区长|副区长|书记|副书记|市委书记|区委书记|县委书记|主任|副主任|"
           r"局长|副局长|厅长|副厅长|院士|教授|研究员|秘书长|会长|副会长|理事长|负责人|指挥长|副指挥长|CEO|CTO|COO|CFO|"
           r"所长|副所长|院长|副院长|校长|副校长|部长|副部长|处长|副处长|行长|副行长|[省市区县]领导)")
# the titles only a company's people have, maybe with a second title: "董事长兼CTO", "总经理、总工程师"
_COMPANY_TITLES = re.compile(r"(?:董事长|副董事长|总经理|副总经理|常务副总经理|总裁|副总裁|常务副总裁|首席执行官|CEO|负责人|"
                             r"联合创始人|创始人)"
                             r"(?:[兼、](?:CEO|CTO|COO|CFO|总经理|总裁|首席执行官|总工程师|党委书记))*")
# a person's name after a title: the shortest of two or three characters (four with a compound surname) that the
# words after it allow: "书记谭庆在致辞中说" is 谭庆, "书记欧阳泽华出席" 欧阳泽华
_PERSON_AFTER_TITLE = re.compile(
    _TITLES + "(?:——|—)?(?P<name>(?:" + "|".join(_COMPOUND_SURNAMES) + rf")[{CJK}]{{1,2}}?|[{CJK}]{{2,3}}?)"
    r"(?=[,，、。;；:：\s]|出席|表示|介绍|说|指出|致辞|主持|宣布|参加|会见|一行|等|在|及|以及|与|告诉|透露|强调|认为|坦言|"
    r"带队|陪同|见证|讲话|发言|分别|一同|共同|率|博士|先生|女士|作)")
# the names listed after the first one a title is written before: "区领导廖强、杨逃红、周伟峰、任建平等出席"
_NEXT_PERSON = re.compile("、(?P<name>(?:" + "|".join(_COMPOUND_SURNAMES) + rf")[{CJK}]{{1,2}}?|[{CJK}]{{2,3}}?)"
                          r"(?=[、,，。;；]|等|出席|参加|陪同|一同|共同|分别)")
# the short forms of the big fairs (西博会 is the 中国西部国际博览会, 广交会, 服贸会, 渝洽会) and of the Academy of
# Sciences' institutes (中科院大连化物所)
_SHORT_FAIR = re.compile(rf"[{CJK}]{{1,2}}(?:博会|交会|贸会|洽会)")
_ACADEMY_INSTITUTE = re.compile(rf"(?:中科院|中国科学院)[{CJK}]{{1,6}}?所(?!长)")
# (not a list of departments or units the companies are joined to: "组织了经科、经开区等部门负责人和企业代表")
_LIST = re.compile(rf"(?P<items>(?:[{CJK}A-Za-z()（）]{{2,20}}、)+[{CJK}A-Za-z()（）]{{2,20}}?)(?:等|\d+家)"
                   rf"(?!部门|单位|机构|政府)(?:[^，。,；;方]{{0,12}})"
                   r"(?:企业|公司|龙头|链主|头部企业|知名企业|车企|厂商|合作伙伴|伙伴|客户|供应商|玩家|投资方|投资机构|股东)")
# the investors of a round of financing, listed: "本轮投资方包括两江基金、君安回天、交银投资和潜江零度" (the last after 和)
_INVESTORS_LIST = re.compile(rf"(?:投资方|投资人|投资机构|出资方)(?:包括|为|有|是)"
                             rf"(?P<items>[{CJK}A-Za-z]{{2,12}}(?:(?:、|和|及|以及)[{CJK}A-Za-z]{{2,12}}?)+)(?=等|[，。,；;])")

# the parties a body or company signs with, listed: "与A、B、C签订合作协议" (each a company unless named as something else)
_SIGNING_LIST = re.compile(rf"(?:与|同)(?P<items>(?:[{CJK}A-Za-z()（）]{{2,20}}?、)+[{CJK}A-Za-z()（）]{{2,20}}?)"
                           r"(?:等[^，。,；;]{0,8})?(?:分别|共同)?(?:签订|签署|签约)")


# what a company is to the one named before it: "长虹控股子公司长虹新能源", "旗下企业"
_OWNED_AS = re.compile(r"(?:全资|控股)?(?:子公司|孙公司|旗下企业|旗下公司|下属企业|下属公司)")
# a company's legal name: its words, the region it is registered in, the legal form
_LEGAL_NAME = re.compile(rf"[{CJK}A-Za-z]{{2,20}}?(?:[(（][{CJK}]{{2,4}}[)）])?"
                         r"(?:集团股份有限公司|集团有限责任公司|集团有限公司|股份有限公司|有限责任公司|有限公司)")

# a project's name that starts with its company's short name: by the company's trade (雅化锂业项目) or before the
# capacity it will make (四川天华时代年产6万吨…项目)
_OWNER_BY_TRADE = re.compile(rf"(?P<owner>[{CJK}]{{2,6}}?(?P<trade>锂业|矿业|钴业|化工|科技|实业|控股|股份|电气))"
                             rf"(?=[{CJK}]{{2}})")
_OWNER_BEFORE_CAPACITY = re.compile(rf"(?P<owner>[{CJK}]{{2,8}}?)(?P<trade>)(?=年产)")
# "…有限公司(以下简称“佰思格公司”)", "(简称国家电投重庆公司)": the short name an article defines for the name before it
_DEFINED_SHORT = re.compile(r"[(（]\s*(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“\"「『]?(?P<short>[^”\"」』()（）,，、]{2,15}?)"
                            r"[”\"」』]?\s*[)）]")


def _defined_short_names(text: str, chosen: list[Mention]) -> dict[str, tuple[str, str]]:
    """The short names an article defines in brackets after a name, each with the kind and the text of the name
    it stands for.

    >>> full = Mention(0, 14, "四川佰思格新材料科技有限公司", "Company", None, "zh-suffix")
    >>> _defined_short_names("四川佰思格新材料科技有限公司(以下简称“佰思格公司”)年产", [full])
    {'佰思格公司': ('Company', '四川佰思格新材料科技有限公司')}
    """
    ends = {m.end: m for m in chosen if m.inside is None and m.kind != "Person"}
    defined = {}
    for match in _DEFINED_SHORT.finditer(text):
        named = ends.get(match.start())
        if named is not None and match.group("short") != named.text:
            defined.setdefault(match.group("short"), (named.kind, named.text))
    return defined


#: founding a joint venture, its name after it: "成立合资公司四川海创尚纬新能源", "设立合资企业XX有限公司"
FOUNDS_VENTURE = r"(?:成立|设立|组建|组成)(?:了)?(?:一家)?合资(?:公司|企业)"
_NAMED_VENTURE = re.compile(rf"{FOUNDS_VENTURE}\s*[“\"]?(?P<name>[{CJK}]{{4,20}}?)[”\"]?(?=[,，。；;、(（]|$)")
# a stock code in brackets after a name: 川发龙蟒(002312.SZ), 宁德时代(300750), 天齐锂业（股票代码：002466）; a bare
# number only as the codes of Shenzhen and Shanghai run (a postcode, 610000, is none)
_TICKER = re.compile(r"[(（]\s*(?:(?:股票代码|证券代码|A股|H股)\s*[:：]?\s*)?(?:(?:SZ|SH|BJ|HK|SHE|SZSE|SSE|HKEX)\s*[:：.]?\s*)?"
                     r"(?:\d{6}(?=\s*\.\s*(?:SZ|SH|BJ))|00[0-3]\d{3}|30[01]\d{3}|60[0-5]\d{3}|68[89]\d{3}|\d{4,5}(?=\.HK))"
                     r"(?:\s*\.\s*(?:SZ|SH|BJ|HK))?\s*[)）]")


class _Tokens(list):
    """jieba's words as ``(start, end, word, flag)``, one after the other, found by offset in log time (a long
    article has tens of thousands of words, and every name looks up the words around it)."""

    def __init__(self, tokens):
        super().__init__(tokens)
        self.starts = [t[0] for t in self]

    def at(self, offset: int) -> int | None:
        """The index of the word that holds ``offset``, if any."""
        index = bisect_right(self.starts, offset) - 1
        return index if index >= 0 and self[index][0] <= offset < self[index][1] else None

    def within(self, start: int, end: int) -> list[tuple]:
        """The words wholly inside ``start``–``end``."""
        first = bisect_left(self.starts, start)
        last = bisect_right(self.starts, end)
        return [t for t in self[first:last] if t[1] <= end]


def _tokens(tokenizer, text: str) -> _Tokens:
    """jieba's words with their part-of-speech flags and offsets (``tokenizer``: a ``POSTokenizer``).

    >>> tokens = _Tokens([(0, 2, "宜宾", "ns"), (2, 3, "市", "n"), (3, 5, "签约", "v")])
    >>> tokens.at(2), tokens.at(4), tokens.at(5)
    (1, 2, None)
    >>> [t[2] for t in tokens.within(2, 5)]
    ['市', '签约']
    """
    offset = 0
    tokens = []
    for pair in tokenizer.cut(text, HMM=True):
        word = pair.word
        tokens.append((offset, offset + len(word), word, pair.flag))
        offset += len(word)
    return _Tokens(tokens)


_PARK_BODY = re.compile(rf"(?P<park>[{CJK}]{{2,}}?{_PARK_SUFFIX})(?:建设指挥部|指挥部|管委会|管理委员会|党工委|临时党委|党委|"
                        r"工委|管理局|服务中心)$")


def _in_a_slogan(text: str, start: int, end: int) -> bool:
    """Whether the words ``text[start:end]`` lie in quotation marks with other words (the slogan of a campaign,
    "“走进区域看发展 川渝奋楫谱新篇”") or fill them before 企业 or 称号 (the title a province gives companies,
    "四川省制造业“贡嘎培优”企业"): words the model may take for a company's name, and none.

    >>> text = "“走进区域看发展 川渝奋楫谱新篇”网上主题宣传活动"
    >>> _in_a_slogan(text, text.index("川渝"), text.index("新篇")), _in_a_slogan("与“宁德时代”签约", 2, 6)
    (True, False)
    """
    opening = max(text.rfind("“", max(0, start - 30), start + 1), text.rfind('"', max(0, start - 30), start + 1))
    if opening < 0 or re.search("[”\"，。,；;]", text[opening + 1:start]):
        return False
    closing = re.compile("[”\"]").search(text, end, end + 30)
    if closing is None or re.search("[“，。,；;]", text[end:closing.start()]):
        return False
    return (opening + 1, closing.start()) != (start, end) or re.match(r"企业|称号", text[closing.end():]) is not None


def _parks_inside(chosen: list[Mention]) -> list[Mention]:
    """The park a body of its own is named after: 遂潼园区 in 遂潼园区临时党委, 宣汉县锂钾综合开发产业园 in
    宣汉县锂钾综合开发产业园建设指挥部 (the park is an entity of the story as well as the body that runs it).

    >>> [m.text for m in _parks_inside([Mention(0, 8, "遂潼园区临时党委", "GovernmentBody", None, "zh-suffix")])]
    ['遂潼园区']
    """
    found = []
    for mention in chosen:
        park = _PARK_BODY.match(mention.text) if mention.kind == "GovernmentBody" and mention.known is None else None
        if park:
            found.append(Mention(mention.start, mention.start + park.end("park"), park.group("park"), "IndustrialPark",
                                 None, "zh-park-of-body", inside=mention.start))
    return found


@lru_cache(maxsize=1)
def _base_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


#: how often a word must occur in jieba's general dictionary (about 60 million words) to be a common word
COMMON_WORD_FREQUENCY = 1000
_NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"}


def _common_word(name: str) -> bool:
    """Whether ``name`` is a common word of the language as well: frequent in jieba's general dictionary, and
    tagged there as no name (of a person, place or organisation) and no abbreviation.

    >>> _common_word("现代"), _common_word("绿色"), _common_word("华为"), _common_word("宁德时代")
    (True, True, False, False)
    """
    jieba = _base_tokenizer()
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(name, 0) >= COMMON_WORD_FREQUENCY and _dictionary_tags().get(name) not in _NAME_TAGS


@lru_cache(maxsize=1)
def _dictionary_tags() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


class ChineseRecogniser:
    """Find the names of a Chinese text: known names, names by their suffixes, lists, people with titles."""

    def __init__(self, knowledge: Knowledge, model=None):
        import jieba

        from .pos_tagger import POSTokenizer  # imports jieba's tagger: only once Chinese is read

        _base_tokenizer()
        self.knowledge = knowledge
        #: LAC (:mod:`graph.ingest.chinese_model`) when installed: the names no rule and no list finds
        self.model = chinese_model() if model is None else model or None
        # one tokenizer of our own, taught the known names (jieba's global one is left as it is)
        self.tokenizer = POSTokenizer(jieba.Tokenizer())
        self.tokenizer.tokenizer.initialize()
        names: dict[str, object] = {}
        for name, entity in knowledge.names():
            if is_chinese(name) and len(name) >= 2:
                names.setdefault(name, entity)
            elif entity.kind == "Company" and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", name):
                names.setdefault(name, entity)  # CATL, BYD written in Chinese text
        self._known = names
        self._known_companies = {n for n, e in names.items() if e.kind == "Company" and is_chinese(n)}
        for name in names:
            if is_chinese(name):
                self.tokenizer.add_word(name, freq=2000, tag="nt")
        for department in _DEPARTMENTS:
            self.tokenizer.add_word(department, freq=2000, tag="nt")
        for zone in _ZONES:
            self.tokenizer.add_word(zone, freq=2000, tag="n")
        for word in _INDUSTRY_WORDS:
            self.tokenizer.add_word(word, freq=2000, tag="vn")
        # a name that is also a common word (现代 is Hyundai and "modern", 绿色 "green") is no name by itself: the
        # lists and titles that name companies still find it, and it is then known by that name
        ordered = sorted((n for n in names if not _common_word(n)), key=len, reverse=True)
        self._known_pattern = re.compile("|".join(re.escape(n) for n in ordered)) if ordered else None
        self._places_longest_first = sorted((n for n, e in names.items() if e.kind == "Place" and is_chinese(n)),
                                            key=len, reverse=True)
        # a grid company's company of a province or a city, named by the parent, the place and its trade: 国网四川电力,
        # 国网四川宜宾供电 (not the parent 国网, which the known names would take)
        parents = sorted((n for n in self._known_companies if len(n) >= 2), key=len, reverse=True)
        self._regional_utility = re.compile(
            "(?:" + "|".join(re.escape(n) for n in parents) + ")(?:" +
            "|".join(re.escape(p) for p in self._places_longest_first) + "){1,2}(?:电力|供电)(?:公司)?"
        ) if parents and self._places_longest_first else None
        self._department = re.compile(
            "(?:" + "|".join(re.escape(p) for p in self._places_longest_first) + rf")(?:[{CJK}]{{1,8}}和)?"
            rf"[{CJK}]{{1,10}}?" + _DEPARTMENT_SUFFIX) if self._places_longest_first else None

    def known(self, text: str) -> list[Mention]:
        if self._known_pattern is None:
            return []
        return [Mention(m.start(), m.end(), m.group(0), self._known[m.group(0)].kind, self._known[m.group(0)],
                        "known") for m in self._known_pattern.finditer(text)]

    def _extend_left(self, tokens, start: int, end: int, kind: str, text: str) -> int | None:
        """Where a name that ends at ``end`` with a suffix starting at ``start`` begins."""
        begin = start
        index = tokens.at(start)
        if index is None:
            return None
        if tokens[index][0] < start:  # the suffix starts inside a word: the word belongs to the name
            begin = tokens[index][0]
        for i in range(index - 1, -1, -1):
            t0, t1, word, flag = tokens[i]
            if t0 >= begin:
                continue  # taken with the bracketed place after it
            if kind in ("InvestmentProject", "IndustrialPark", "Conference", "Company") and begin == t1 and \
                    word in (")", "）") and i >= 3 and \
                    tokens[i - 2][2] in ("(", "（") and CJK_CHAR.match(tokens[i - 3][2][-1]) and \
                    (self._is_place(tokens[i - 1]) or self._is_place(tokens[i - 3]) and kind != "Company" and
                     re.fullmatch(rf"[{CJK}]{{2,4}}", tokens[i - 1][2])):
                begin = tokens[i - 2][0]  # "乐普钠电(富顺)10GWh储能系统产品生产项目": the owner, its county, the plant;
                continue                   # "西部(重庆)科学城", "2021年中国(遂宁)国际锂电产业大会",
                #                            "万华化学(四川)电池材料科技有限公司"; after a place, a town
                #                            jieba does not know: "中国(普光)锂钾综合开发产业项目"
            if kind == "Conference" and word in ("”", "」", '"') and begin == t1:
                opening = next((j for j in range(i - 1, max(i - 8, -1), -1) if tokens[j][2] in ("“", "「", '"')), None)
                if opening is not None:  # "2023“锂电之都”产业生态及供应链大会": a quoted motto is the name's
                    begin = tokens[opening][0]
                    continue
            if kind == "Conference" and word in ("及", "暨") and begin == t1 and i and \
                    tokens[i - 1][3] in ("n", "nt", "nz", "vn", "ns", "j"):
                begin = t0  # "产业生态及供应链大会", "…座谈会暨企业供需对接活动": one event of two parts
                continue
            if kind == "Conference" and word == "年" and begin == t1 and i and re.fullmatch(r"(?:19|20)\d{2}",
                                                                                      tokens[i - 1][2]):
                begin = tokens[i - 1][0]  # "2021年中国(遂宁)国际锂电产业大会": the year is the conference's
                break
            if kind == "InvestmentProject" and begin == t1 and word == "年" and i >= 2 and tokens[i - 1][2] == "/" and \
                    tokens[i - 2][3] in ("m", "q"):
                begin = tokens[i - 1][0]  # "10万吨/年钠电硬碳负极材料生产基地项目": a capacity per year
                continue
            if len(word) > 1 and word[0] in "和与及同跟" and flag == "nr":  # jieba's 和明超: 和 + 明超
                begin = t0 + 1
                break
            if word in ("-", "－", "—") and 0 < i and begin == t1 and self._is_place(tokens[i - 1]) and \
                    self._is_place(tokens[i + 1]):
                begin = t0  # "德阳-阿坝生态经济产业园": two places joined by a dash name one park
                continue
            if kind == "Company" and t1 == begin and word in _TRADE_BEFORE_FORM and \
                    re.fullmatch(f"{_ONE_TRADE_WORD}?{_COMPANY_SUFFIX}", text[begin:end]):
                begin = t0  # "共济润道投资有限公司", "德阳投资控股集团": the trade before the legal form (or before a
                continue    # trade of it) is the name's, not a verb
            if kind == "InvestmentProject" and t1 == begin and word.endswith("项目"):
                break  # "…基地项目两大新能源产业领域重大项目": a project's name holds no other project
            if word in ("好", "完") and i and tokens[i - 1][3] == "v" and t1 == begin:
                break  # "编制好康定…集中区", "打造好…": the complement of the verb before, no part of the name
            if len(word) > 1 and word[0] in "往朝" and flag in ("n", "f", "s") and t1 == begin and \
                    re.fullmatch(r"[东西南北中](?:部|侧|边|面)?", word[1:]):
                begin = t0 + 1  # jieba's 往东部: "往东部产业园…走" goes to the 东部产业园
                break
            if kind == "Company" and len(word) == 1 and flag in ("q", "d") and i and self._name_fragment(tokens[i - 1]):
                begin = t0  # jieba cut an unknown name into single characters: 宋|都|基业, 共济|润|道
                continue
            if kind == "InvestmentProject" and word == "/" and t1 == begin and i and re.fullmatch(
                    r"[A-Za-z]+", tokens[i - 1][2]) and re.match(r"\d", tokens[i + 1][2]):
                begin = t0  # "100MW/200MWh集中式新型储能项目": a power and its energy are one capacity
                continue
            if kind == "InvestmentProject" and word == "用" and t1 == begin and i and \
                    _GENERIC_PROJECT.fullmatch(tokens[i - 1][2]):
                begin = t0  # "年产5万吨锂电池用硅碳负极材料…项目": what the material is for is in the name
                continue
            if kind in ("InvestmentProject", "Conference") and word == " " and t1 == begin and i and \
                    (text[t1:t1 + 1].isdigit() or tokens[i - 1][2][-1:].isdigit()):
                begin = t0  # "年产 15 万吨…项目", "2025 世界动力电池大会": a space around a number
                continue
            if kind == "InvestmentProject" and word == "年" and t1 == begin and text.startswith("产", t1):
                begin = t0  # "时代吉利年产能12GWh动力电池宜宾项目": jieba's 年|产能 is the capacity's 年产
                continue
            if kind == "InvestmentProject" and re.fullmatch(r"(?:[一二三四五六七八九十]+|\d+)期", word):
                begin = t0  # "四川时代动力电池一至六期项目": a phase (jieba tags some as time words) is the project's
                continue
            if kind != "InvestmentProject" and word in ("个", "家", "座", "项") and i and \
                    re.fullmatch(r"\d+|[一二两三四五六七八九十几多]+", tokens[i - 1][2]):
                break  # "共有4个江津综保区网内项目": a count's classifier (jieba tags some as numbers) is in no name
            number = bool(re.match(r"\d", word))
            if number and kind == "InvestmentProject":
                flag = "m"  # jieba tags a lone digit as punctuation: "年产2万吨"
            if re.fullmatch(_TITLES, word):
                break  # "研究所所长温晓君作大会": a person's title is in no name
            if word == "中" and begin == t1 and i and tokens[i - 1][2] in ("、", "，", ",", "；", ";", "：", ":"):
                begin = t0  # "、中能融合(富顺)…项目": after a mark 中 starts a name, it is no "in" (在…中)
                break
            if kind == "InvestmentProject" and word in ("和", "及") and begin == t1 and i and \
                    not tokens[i - 1][2].endswith("项目") and \
                    re.search(r"年产[^，。,；;、和及]{2,16}$", text[max(0, t0 - 18):t0]):
                begin = t0  # "年产30万吨电解液和回收2000吨溶剂项目": the capacity's two products make one project
                continue
            if kind == "InvestmentProject" and word in ("及", "暨") and begin == t1 and i and \
                    re.search(r"(?:总部|基地|中心|工厂|制造|生产|动力|材料|研发)$", tokens[i - 1][2]):
                begin = t0  # "九识智能西南区域总部及生产基地项目", "…动力电池制造及西南研发基地项目", "中创新航动力及储能电池
                continue    # 基地二期项目", "…负极材料及1GWh储能PACK生产线项目": one project of two parts
            if word in _STOP_WORDS or word.isspace() or (flag in _STOP_FLAGS and not (
                    kind == "InvestmentProject" and flag == "q")) or (
                    flag == "v" and len(word) > 1 and kind != "InvestmentProject" and word not in _NAME_VERBS):
                break  # a two-character verb (走进, 围绕, 调研) ends a name; a one-character one may be in it (金汇能)
            if kind != "InvestmentProject" and number and not (kind == "Conference" and re.fullmatch(
                    r"(?:19|20)\d{2}(?:年)?", word)):
                break
            if end - t0 > _LONGEST[kind]:
                break
            begin = t0
        if start - begin < _SHORTEST[kind] - (0 if kind in ("InvestmentProject", "Conference") else 0):
            return None
        return begin

    @staticmethod
    def _short_names_of_kinds(text: str, tokens) -> list[Mention]:
        """Names written in the short forms Chinese news gives the big fairs and the institutes of the Academy of
        Sciences: 西博会 (西部博览会), 广交会, 服贸会; 中科院大连化物所, 中国科学院物理所 (each a word of its own).

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> text = "在第十九届西博会期间,彭州与中科院大连化物所建立了合作关系"
        >>> [(m.text, m.kind) for m in recognise._short_names_of_kinds(text, _tokens(recognise.tokenizer, text))]
        [('第十九届西博会', 'Conference'), ('中科院大连化物所', 'Organization')]
        """
        found = []
        for t0, t1, word, _ in tokens:
            if _SHORT_FAIR.fullmatch(word):  # with its edition, if given: 第十九届西博会
                edition = _EDITION.search(text, max(0, t0 - 6), t0)
                start = edition.start() if edition else t0
                found.append(Mention(start, t1, text[start:t1], "Conference", None, "zh-short-form"))
        for match in _ACADEMY_INSTITUTE.finditer(text):
            first, last = tokens.at(match.start()), tokens.at(match.end() - 1)
            if first is None or last is None or tokens[first][0] != match.start() or tokens[last][1] != match.end():
                continue  # the name starts or ends inside a word: no short name there
            found.append(Mention(match.start(), match.end(), match.group(0), "Organization", None, "zh-short-form"))
        return found

    @staticmethod
    def _name_fragment(token: tuple) -> bool:
        """Whether one of jieba's words is a single character of an unknown name, not a word of the sentence: 宋 in
        宋|都|基业 (so the adverb 都 after it is the name's too), not 两 in 两|家 or 该 in 该|家."""
        return len(token[2]) == 1 and token[3] in ("nr", "n", "ns", "nz", "v", "a", "j") and \
            token[2] not in _STOP_WORDS and bool(CJK_CHAR.match(token[2]))

    def _is_place(self, token: tuple) -> bool:
        """Whether one of jieba's words is a known place's name or tagged as one."""
        known = self._known.get(token[2])
        return token[3] == "ns" or (known is not None and known.kind == "Place")

    @staticmethod
    def _bare_bodies(text: str, tokens) -> list[Mention]:
        """Bodies named by their level alone, their place left to the story: "省委书记王晓晖" (省委),
        "经与市教委、市科技局共同研究" (市教委, 市科技局), "省经济合作局党组成员" (省经济合作局); the last of a list of
        them whatever follows it ("省发展改革委、省能源局根据…").

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> [m.text for m in recognise._bare_bodies("经与市教委、市科技局共同研究", _tokens(recognise.tokenizer,
        ...                                           "经与市教委、市科技局共同研究"))]
        ['市教委', '市科技局']
        """
        found = []
        for level in re.finditer("[省市区县州]", text):
            match = _BARE_BODY.match(text, level.start())
            if match is None and found and found[-1].end == level.start() - 1 and text[found[-1].end] == "、":
                match = _LISTED_BODY.match(text, level.start())  # "省发展改革委、省能源局根据…": the list's last
                after = tokens.at(match.end()) if match else None
                if after is not None and tokens[after][0] != match.end():
                    continue  # the bureau's last character starts a word: no bureau ends there
            if match is None:
                continue
            start = match.start()
            index = tokens.at(start)
            before = tokens[index - 1] if index else None
            if start and CJK_CHAR.match(text[start - 1]) and not (
                    index is not None and tokens[index][0] == start and before is not None and
                    (before[2] in _STOP_WORDS or before[3] in ("v", "vn", "p", "c", "i", "l"))):
                continue  # "全省", "成都市委": the level word belongs to the word before it
            inner = tokens.within(match.start() + 1, match.end())
            if any((t[2] in _STOP_WORDS and (len(t[2]) == 1 or t[3] not in ("n", "vn"))) or
                   (t[3] == "v" and len(t[2]) > 1 and t[2] not in _NAME_VERBS) for t in inner):
                continue  # a function word or a verb: "市将加快…办"; a noun is the bureau's (经济合作局)
            last = tokens.at(match.end() - 1)
            if last is not None and (tokens[last][2] in _STOP_WORDS or tokens[last][3] == "v"):
                continue  # "市场布局": the last character is a word's (布局), no bureau's
            if match.group(0).endswith("常委"):
                continue  # "市委常委、常务副市长刘筱柳": a member of the standing committee is a title, no body
            found.append(Mention(match.start(), match.end(), match.group(0), "GovernmentBody", None, "zh-bare-body"))
        return found

    def _companies_by_trade(self, text: str, tokens) -> list[Mention]:
        """Companies named without their legal form by a trade only a company's name ends with: 天华超净 is none,
        江淮汽车, 当升科技, 厦门钨业 are (a name of two to four characters before the trade, none of the words a
        kind of thing is named with, nor a known place; not a trade that describes what follows it, 科技企业).

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> text = "下游有江淮汽车以及各类新能源汽车厂商。"
        >>> [m.text for m in recognise._companies_by_trade(text, _tokens(recognise.tokenizer, text))]
        ['江淮汽车']
        """
        found = []
        for trade in _COMPANY_TRADE.finditer(text):
            index = tokens.at(trade.start())
            if index is None or tokens[index][0] != trade.start() or tokens[index][1] != trade.end():
                continue  # the trade is part of a word: 新能源汽车
            begin = self._extend_left(tokens, trade.start(), trade.end(), "Company", text)
            if begin is None:
                continue
            begin = _after_openers(text, begin, trade.start())
            owner = text[begin:trade.start()]
            place = self._known_place_at(owner)
            if place and place[-1] not in "省市区县州" and 2 <= len(owner) - len(place) <= 4 and \
                    not _DESCRIPTION.search(owner):
                owner = owner[len(place):]  # "山东玉皇化工": a brand after the short name of its home, 山东
            if not 2 <= len(owner) <= 4 or not _KIND_OF_VEHICLE.sub("", _GENERIC_PARK.sub("", owner)) or \
                    owner in _STOP_WORDS or owner in _SCOPE or \
                    re.search(r"[的了是在与和及等省市区县州]|^[余万亿千百多几数辆台]|^[一二三四五六七八九十两]+[条个家项类]",
                              owner) or \
                    self.knowledge.resolve(owner, "Place") or \
                    any(self._known.get(owner[i:j]) for i in range(len(owner)) for j in range(i + 2, len(owner) + 1)):
                continue
            found.append(Mention(begin, trade.end(), text[begin:trade.end()], "Company", None, "zh-trade"))
        return found

    def _owned(self, name: str, companies: set[str] = frozenset()) -> bool:
        """Whether a project's name starts with its company, by a company's word (明超集团超高压生产基地项目) or
        with the county it invests in written in brackets (九识集团(自贡)…项目, 浙江东南网架…项目(荣县)), or by a
        company's name (``companies``: those of the text; or a known one): a project of its own, whatever it makes.

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> recognise._owned("明超集团超高压生产基地项目"), recognise._owned("超高压生产基地项目")
        (True, False)
        >>> recognise._owned("驭势科技西南总部暨乘用车智能驾驶业务总部项目", {"驭势科技"})
        True
        """
        if any(name.startswith(n) and len(n) < len(name) - 2 and not re.search(_COMPANY_SUFFIX, name[len(n):])
               for n in companies | self._known_companies):
            return True  # "驭势科技西南总部…项目", "国轩高科宜宾基地二期项目": a company's, found or known
        head = re.match(rf"[{CJK}]{{2,8}}?(?:[(（][{CJK}]{{2,4}}[)）])?{_COMPANY_SUFFIX}", name)
        if head:  # "中创新航科技(四川)有限公司生产基地": the company's own plant, no project named
            return not _GENERIC_COMPANY.match(name) and not re.fullmatch(f"{_PROJECT_SUFFIX}+", name[head.end():])
        return any(self.knowledge.resolve(place, "Place") is not None
                   for place in re.findall(rf"[(（]([{CJK}]{{2,5}})[)）](?!{_COMPANY_SUFFIX})", name))

    def _names_a_place(self, name: str) -> bool:
        """Whether a name holds a place: a known one, or a word ending in a division (省, 市, 县, 区, 州, 镇)."""
        if re.search(r"[省市县区州镇乡]", name) or name.endswith(("新区", "开发区", "园区")):
            return True
        return any(name[i:j] in self._known and self._known[name[i:j]].kind in ("Place", "IndustrialPark")
                   for i in range(len(name)) for j in range(i + 2, min(len(name), i + 8) + 1))

    def _strip_places(self, text: str, begin: int, end: int, kind: str) -> int:
        """Where a park's or project's own name starts after the places written before it: 四川省眉山市甘眉工业园区
        → 甘眉工业园区 (a place with its division word: 省, 市, 区, 县; for a project also a park: 重庆两江新区…项目)."""
        if kind == "GovernmentBody":  # "四川德阳绵竹市人民政府": the city's government, its province and prefecture
            while (head := self._known_place_at(text[begin:end])) and head[-1] not in "省市区县州" and \
                    self._known_place_at(text[begin + len(head):end]):  # written short before it ("成都市金堂县…" is whole)
                begin += len(head)
            return begin
        if kind not in ("IndustrialPark", "InvestmentProject"):
            return begin
        while True:
            head = self._leading_place(text[begin:end], kind)
            if not head or end - begin - len(head) < 4 or _PARK_KIND_ONLY.fullmatch(text, begin + len(head), end):
                return begin  # "珙县工业园区", "叙州区高新技术园区": a park named only by its kind is named by its place
            begin += len(head)

    def _known_place_at(self, name: str) -> str | None:
        """The longest known place ``name`` starts with (四川省, 四川, 德阳), if any."""
        return next((name[:size] for size in range(min(len(name), 8), 1, -1)
                     if (known := self._known.get(name[:size])) is not None and known.kind == "Place"), None)

    def _leading_place(self, name: str, kind: str) -> str | None:
        for size in range(min(len(name) - 2, 10), 1, -1):
            head = name[:size]
            known = self._known.get(head)
            if known is None:
                continue
            if known.kind == "Place" and head[-1] in "省市区县州":
                return head
            if kind == "InvestmentProject" and known.kind == "IndustrialPark":
                return head
        head = self._known_place_at(name)
        after = self._known_place_at(name[len(head):]) if head and head[-1] not in "省市区县州" else None
        if after and after[-1] in "市县" and len(name) - len(head) - len(after) >= 2:
            return head  # "江苏溧阳市社渚镇工业集中区": a province written short, then a city of it with its division
        park = re.match(rf"[{CJK}]{{2,8}}?(?:新区|经开区|高新区|开发区)", name)
        if kind == "InvestmentProject" and park and self._leading_place(park.group(0), "IndustrialPark") is None \
                and any(name.startswith(p) for p in self._known if self._known[p].kind == "Place"):
            return park.group(0)
        return None

    def patterns(self, text: str, tokens: _Tokens | None = None) -> list[Mention]:
        tokens = _tokens(self.tokenizer, text) if tokens is None else tokens
        by_trade = self._companies_by_trade(text, tokens)
        companies = {m.text for m in by_trade}
        found = []
        for kind, suffix in _SUFFIXES:
            for match in suffix.finditer(text):
                begin = self._extend_left(tokens, match.start(), match.end(), kind, text)
                if begin is None:
                    continue
                end = match.end()
                if kind == "InvestmentProject":  # "…项目(一期)"
                    phase = re.match(r"[(（](?:[一二三四五六七八九十]|\d)期[)）]", text[end:])
                    county = re.match(rf"[(（]([{CJK}]{{2,5}})[)）]", text[end:])
                    if county and self.knowledge.resolve(county.group(1), "Place") is not None:
                        phase = county  # "…产业园项目(荣县)": the county it is built in
                    end += phase.end() if phase else 0
                if kind == "IndustrialPark":  # "成都经开区(龙泉驿区)": the district is a place of its own
                    inner = re.search(r"[(（]([^()（）]+)[)）]$", match.group(0))
                    if inner and self.knowledge.resolve(inner.group(1), "Place") is not None:
                        end = match.start() + inner.start()
                begin = _after_openers(text, begin, match.start())
                distance = _DISTANCE.search(text, max(0, begin - 8), match.start())
                if distance and begin < distance.end() <= match.start() - 2:
                    begin = distance.end()  # "5公里外汉威新能源…公司": jieba's 外汉 is the distance's 外, then the name
                begin = self._strip_places(text, begin, end, kind)
                owner = _LEGAL_NAME.match(text, begin, match.start()) if kind == "InvestmentProject" else None
                if owner and match.start() - owner.end() >= 2:
                    begin = owner.end()  # "四川金汇能新材料股份有限公司锂离子电池负极材料生产基地": the company, then its project
                    found.append(Mention(owner.start(), owner.end(), owner.group(0), "Company", None, "zh-project-owner"))
                else:
                    owner = None  # "中创新航科技(四川)有限公司生产基地": the company's plant, no project named
                generic = _GENERIC_COMPANY.match(text, begin, match.start()) if kind == "Company" else None
                if generic and match.start() - generic.end() >= 2:
                    begin = generic.end()  # "合资公司时代吉利动力电池公司": what the company is, then its name
                name = text[begin:end]
                if kind == "InvestmentProject" and owner is None and (
                        not (_PROJECT_WORDS.search(name) or self._owned(name, companies)) or
                        _DESCRIPTION.search(name) or
                        not _REGION.sub("", _GENERIC_PROJECT.sub("", name[:-len(match.group(0))]))):
                    continue  # a project named by its kind only; one right after its company's legal name is named
                if kind == "InvestmentProject" and re.search(r"(?:该|本|此)项目(?:是|为|系)[^，,。；;]*$",
                                                             text[max(0, begin - 40):begin]):
                    continue  # "该项目是采用短流程技术的钒电解液制备项目": what the story's project is, no other project
                if kind == "InvestmentProject" and match.group(0) == "项目" and \
                        re.search(rf"{_COMPANY_SUFFIX}$", name[:-2]) and re.match(r"负责人|经理|部|总监|总工", text[end:]):
                    continue  # "中建五局安装公司西南公司项目负责人龚青阳": the company's site manager, no project named
                if kind == "IndustrialPark" and _DESCRIPTION.search(name):
                    continue  # "千亿产业园区", "全国首个…示范园": what a place wants, not a park's name
                if kind == "IndustrialPark" and match.group(0).endswith(("园", "园区")) and \
                        re.match(r"(?:[一二三四五六七八九十]期)?项目", text[end:]):
                    continue  # "赣锋新型锂电池科技产业园项目": the park names a project, and is none of its own
                head = tokens.within(begin, match.start())
                if kind == "IndustrialPark" and head and all(t[3].startswith("v") for t in head):
                    continue  # "盘活园区闲置资源": a verb before 园区 names no park
                if kind in ("IndustrialPark", "Organization") and not _GENERIC_PARK.sub("", text[begin:match.start()]) \
                        and not self._names_a_place(text[begin:match.start()]):
                    continue  # "特色园区", "锂电专业化园区", "工程技术创新中心": a kind of park or centre, no name
                # the suffix as the name ends with it: "经开区", not "经开区(龙泉驿区)" whose district was cut off
                if len(name) - (end - match.start()) < 2 and kind != "Conference":
                    continue
                if kind == "GovernmentBody" and not self._names_a_place(name[:-len(match.group(0))]):
                    continue  # a government governs a place its name gives: 宜宾市人民政府, not 雅保政府
                if kind == "GovernmentBody" and _ORGANISATIONS_COMMITTEE.search(name):
                    continue  # "重庆大学党委书记舒立春": the party committee of a university or a company stands for it
                if kind == "Conference" and match.group(0) in _MEETINGS and re.search(
                        _CONFERENCE_SUFFIX + r"(?:[(（][^()（）]*[)）])?(?:新闻)?$", text[begin:match.start()]):
                    continue  # "…国际锂电产业大会新闻发布会": the congress's press conference, named by the congress
                if kind == "Conference" and (name.endswith("股东大会") or
                                             re.fullmatch(r"(?:主题|专题|专场|系列|新闻|年度|例行|大会|成果)*",
                                                          name[:-len(match.group(0))])):
                    continue  # "主题新闻发布会", "年度股东大会", "大会成果发布会" (the story's congress's): a kind of
                    #           meeting, or a company's own or a congress's, no named conference
                if kind == "Company" and (_GENERIC_COMPANY.fullmatch(name) or name.endswith("子公司")):
                    continue  # "合资公司", "子公司", "宁德时代全资子公司": a company by what it is
                found.append(Mention(begin, end, name, kind, None, "zh-suffix"))
        if self._department is not None:
            for match in self._department.finditer(text):
                inner = tokens.within(match.start(), match.end())
                if any((t[2] in _STOP_WORDS and t[2] != "和" and (len(t[2]) == 1 or t[3] not in ("n", "vn") or
                                                                 t is inner[-1])) or
                       (t[3] == "v" and len(t[2]) > 1) for t in inner):
                    continue  # "东兴区围绕贯彻落实省委", "宜宾布局": no department; a noun before the last word is one's
                    # ("经济和信息化局", "经济合作和外事工作局"), the last word (布局) is not
                # "四川省委常委、成都市委书记": 常委 (a member of the standing committee) is the title, 省委 the body
                body = re.sub(r"(?<=委)(?:常委|委员)$", "", match.group(0))
                if _ORGANISATIONS_COMMITTEE.search(body):
                    continue  # "重庆大学党委常委、常务副校长刘汉龙": the university's, which the title stands for
                found.append(Mention(match.start(), match.start() + len(body), body, "GovernmentBody", None,
                                     "zh-department"))
        found += self._bare_bodies(text, tokens)
        found += self._short_names_of_kinds(text, tokens)
        found += by_trade
        for match in _NAMED_VENTURE.finditer(text):  # "拟与海螺创业成立合资公司四川海创尚纬新能源": the venture named
            found.append(Mention(match.start("name"), match.end("name"), match.group("name"), "Company", None,
                                 "zh-named-venture"))
        for match in _TICKER.finditer(text):  # "川发龙蟒(002312.SZ)发布公告": a listed company
            begin = self._extend_left(tokens, match.start(), match.start(), "Company", text)
            if begin is not None and match.start() - begin >= 2:
                begin = _after_openers(text, begin, match.start())
                found.append(Mention(begin, match.start(), text[begin:match.start()], "Company", None, "zh-ticker"))
        found += self._bases_in_a_city(text, tokens)
        for match in self._regional_utility.finditer(text) if self._regional_utility else ():
            found.append(Mention(match.start(), match.end(), match.group(0), "Company", None, "zh-regional-utility"))
        for match in _LIST.finditer(text):
            offset = match.start("items")
            for n, item in enumerate(re.finditer(r"[^、]+", match.group("items"))):
                start, end = offset + item.start(), offset + item.end()
                if n == 0:  # the first item starts where the words before the list end
                    start = _after_openers(text, self._extend_left(tokens, end, end, "Company", text) or start, end)
                words = text[start:end]
                if len(words) >= 2 and not re.search(r"[的是在与和]", words) and words not in _STOP_WORDS:
                    found.append(Mention(start, end, words, "Company", None, "zh-list"))
        for match in [*_SIGNING_LIST.finditer(text), *_INVESTORS_LIST.finditer(text)]:
            # "管委会与众立诚实业、汇丰和新材料科技、…签订合作协议", "本轮投资方包括两江基金、君安回天、交银投资和潜江零度"
            offset = match.start("items")
            parted = r"[^、]+" if match.re is _SIGNING_LIST else r"(?:(?!以及|和|及)[^、])+"
            for item in re.finditer(parted, match.group("items")):
                words = item.group(0)
                if re.search(r"[的是在与]", words) or words in _STOP_WORDS or _OTHER_THAN_COMPANY.search(words) or \
                        self.knowledge.resolve(words, "Place") is not None:
                    continue  # a place, a body, a park: named so without the list
                found.append(Mention(offset + item.start(), offset + item.end(), words, "Company", None,
                                     "zh-signing-list" if match.re is _SIGNING_LIST else "zh-investors-list"))
        for match in _PERSON_AFTER_TITLE.finditer(text):
            name = match.group("name")
            if (name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES)) and name not in _STOP_WORDS:
                found.append(Mention(match.start("name"), match.end("name"), name, "Person", None, "zh-title-name"))
                following = _NEXT_PERSON.match(text, match.end("name"))
                while following and (following.group("name")[0] in _SURNAMES or following.group("name").startswith(
                        _COMPOUND_SURNAMES)) and following.group("name") not in _STOP_WORDS and not re.search(_TITLES, following.group("name")):
                    found.append(Mention(following.start("name"), following.end("name"), following.group("name"),
                                         "Person", None, "zh-title-name"))
                    following = _NEXT_PERSON.match(text, following.end("name"))
        for previous, token in zip(tokens, tokens[1:], strict=False):  # "车间主任李远勇": jieba's name after a title
            if token[3] == "nr" and 2 <= len(token[2]) <= 3 and token[2][0] in _SURNAMES and \
                    (re.search(_TITLES + "$", previous[2]) or re.search(_TITLE_END, previous[2])):
                found.append(Mention(token[0], token[1], token[2], "Person", None, "zh-title-name"))
        people = [m for m in found if m.kind == "Person"]
        names = sorted((m.start, m.end) for m in people)
        starts = [start for start, _ in names]

        def holds_a_person(m: Mention) -> bool:  # a person's name inside it: no name of its own
            return any(end <= m.end for _, end in names[bisect_left(starts, m.start):bisect_right(starts, m.end)])

        found = [m for m in found if m.kind == "Person" or not holds_a_person(m)]
        found += self._companies_before_titles(text, tokens, people)
        for match in re.finditer(rf"[{CJK}]{{2,4}}(?:新城|(?<!小)镇|乡|街道)(?![{CJK}]{{0,2}}(?:项目|公司|集团))", text):
            last = tokens.at(match.end() - 1)
            if last is not None and tokens[last][1] > match.end():
                continue  # the division word starts a word of its own: 马边|乡村振兴, 城镇化
            begin = self._extend_left(tokens, match.end() - 1, match.end(), "IndustrialPark", text)
            head = self._leading_place(text[begin:match.end()], "IndustrialPark") if begin is not None else None
            if head and match.end() - begin - len(head) >= 2:
                begin += len(head)  # "宣汉县普光镇": the county, then its town
            zone = None if begin is None else next(reversed(list(re.finditer(
                r"(?:新区|开发区|经开区|高新区|园区)", text[begin:match.end() - 3]))), None)
            if zone is not None:
                begin += zone.end()  # "宜宾三江新区宋家镇": the new area, then its town
            if begin is not None and match.end() - begin <= 6:  # a new town (龙盛新城) is a zone built for industry
                kind = "IndustrialPark" if match.group(0).endswith("新城") else "Place"
                found.append(Mention(begin, match.end(), text[begin:match.end()], kind, None, "zh-town"))
        # a place name the tokenizer tags as one, ending in a division word: 大庙镇, 龙泉驿区
        for t0, t1, word, flag in tokens:
            if flag == "ns" and re.fullmatch(rf"[{CJK}]{{2,6}}(?:省|市|区|县|镇|乡|街道)", word) and \
                    not _NO_PLACE_AREA.fullmatch(word):
                found.append(Mention(t0, t1, word, "Place", None, "zh-place"))
        return found

    def _bases_in_a_city(self, text: str, tokens) -> list[Mention]:
        """A company's base named by the company and the city it is in: "江苏厚生新能源锂离子电池隔膜重庆基地",
        "中创新航成都基地" (a project; not "该公司眉山基地", a company named by what it is, nor "把重庆基地打造成…").

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> text = "其中,中创新航成都基地从签约到动工再到主体封顶仅用时一年。"
        >>> [m.text for m in recognise._bases_in_a_city(text, _tokens(recognise.tokenizer, text))]
        ['中创新航成都基地']
        """
        found = []
        for base in re.finditer("基地", text):
            if re.match(r"(?:[(（][一二三四五六七八九十\d]期[)）]|[一二三四五六七八九十\d]期)?项目", text[base.end():]):
                continue  # "…重庆基地项目": the project rule names it
            place = next((p for p in self._places_longest_first if text.startswith(p, base.start() - len(p))), None)
            index = tokens.at(base.start() - len(place)) if place else None
            if index is None or tokens[index][0] != base.start() - len(place):
                continue
            begin = self._extend_left(tokens, base.start() - len(place), base.end(), "InvestmentProject", text)
            defined = re.match(r"(?:以下)?(?:简称|下称)", text[begin:]) if begin is not None else None
            begin = defined.end() + begin if defined else begin  # "(以下简称江苏厚生重庆基地)": the short name
            owner = text[begin:base.start() - len(place)] if begin is not None else ""
            if len(owner) < 2 or owner in _STOP_WORDS or _GENERIC_COMPANY.fullmatch(owner) or \
                    re.search(r"[的是在与和及]|[省市区县州]$", owner) or self._known_place_at(owner) == owner:
                continue
            begin = _after_openers(text, begin, base.start())
            found.append(Mention(begin, base.end(), text[begin:base.end()], "InvestmentProject", None, "zh-city-base"))
        return found

    def _companies_before_titles(self, text: str, tokens, people: list[Mention]) -> list[Mention]:
        """A company named by its short name before the title of a person of it: 太蓝新能源 in
        "太蓝新能源董事长兼CTO高翔博士现场致辞" (only a company has a 董事长, 总经理 or 总裁).

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> text = "会上,岚峰新能源董事长周明致辞。"
        >>> [m.text for m in recognise._companies_before_titles(text, _tokens(recognise.tokenizer, text),
        ...                                                      recognise.patterns(text))]
        ['岚峰新能源']
        """
        found = []
        starts = {m.start for m in people}
        for title in _COMPANY_TITLES.finditer(text):
            dash = re.match(r"[—–-]{1,2}", text[title.end():])  # "重庆太蓝新能源创始人——高翔博士"
            if title.end() not in starts and not (dash and title.end() + dash.end() in starts):
                continue
            begin = self._extend_left(tokens, title.start(), title.start(), "Company", text)
            if begin is None:
                continue
            begin = _after_openers(text, begin, title.start())
            generic = _OWNED_AS.search(text, begin, title.start())
            if generic and title.start() - generic.end() >= 2:
                parent = re.search(rf"[{CJK}]{{2,4}}(?:{_ONE_TRADE_WORD}|集团)$", text[max(0, generic.start() - 8):generic.start()])
                if parent:
                    start = generic.start() - len(parent.group(0))
                    found.append(Mention(start, generic.start(), parent.group(0), "Company", None, "zh-company-of-title"))
                begin = generic.end()  # "长虹控股子公司长虹新能源总经理": the parent, what the company is to it, the company
            name = text[begin:title.start()]
            if 2 <= len(name) <= 12 and name not in _STOP_WORDS and not _GENERIC_COMPANY.fullmatch(name) and \
                    not re.search(rf"{_COMPANY_SUFFIX}$|{_GOVERNMENT_SUFFIX}$|{_DEPARTMENT_SUFFIX}$|[省市区县州的]$", name) \
                    and not (title.group(0) == "负责人" and  # a project's, a park's or a body's 负责人 is no company's
                             re.search(rf"{_PROJECT_SUFFIX}$|{_PARK_SUFFIX}$|项目|工程|中心|部门|单位|相关|有关|现场|施工|工地|建设|厂区|车间", name)) \
                    and self.knowledge.resolve(name, "Place") is None:
                found.append(Mention(begin, title.start(), name, "Company", None, "zh-company-of-title"))
        return found

    def __call__(self, text: str) -> list[Mention]:
        """Every mention in ``text``, without overlaps: longer spans win, then known names."""
        tokens = _tokens(self.tokenizer, text)
        model = self._model_names(text, tokens)
        # the model's organisation whose name ends as an organisation's does (…学会, …学院, …有限公司, 中共…区委) is
        # weighed with the rules' names, longer first: 中国金属学会, not the place 中国 in it; any other name the
        # model gives fills a gap only
        suffixed = [m for m in model if m.kind != "Person" and _ORGANISATION_ENDING.search(m.text)]
        candidates = self.known(text) + self.patterns(text, tokens) + suffixed
        chosen: list[Mention] = []
        taken = Spans()
        exact = {(m.start, m.end): m for m in candidates if m.known is not None}
        for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.known is None, m.start)):
            if (mention.start, mention.end) in exact and mention.known is None:
                continue
            if mention.kind == "Person" and self.knowledge.resolve(mention.text, "Place") is not None:
                continue
            media = _MEDIA_AFTER.match(text, mention.end) or _MEDIA_NAMED_AFTER.match(text, mention.end) \
                if mention.kind == "Place" else None
            if media:
                taken.add(mention.start, media.end())
                continue  # 四川日报, 四川在线, 中国电力报: a newspaper's name, not the province or the country
            if mention.kind == "Place" and _TITLE_OF_A_CITY.match(text, mention.end):
                continue  # "中国动力电池之都": the title a city is given, which names no place of the story
            if taken.add(mention.start, mention.end):
                chosen.append(mention)
        for mention in model:  # where no rule and no known name found one
            if taken.add(mention.start, mention.end):
                chosen.append(mention)
        # a company's short name recurs alone: 四川金汇能新材料股份有限公司 → 金汇能; the name the article says it
        # will use ("…有限公司(以下简称“佰思格公司”)") is the same entity's
        # "蜂巢能源科技有限公司" is the known 蜂巢能源 by its full name
        chosen = [self._known_by_short_name(m) if m.kind == "Company" and m.known is None else m for m in chosen]
        learnt: dict[str, tuple[str, str | None]] = dict(_defined_short_names(text, chosen))
        for mention in sorted(chosen, key=lambda m: m.start):
            if mention.known is None and mention.kind != "Person":
                learnt.setdefault(mention.text, (mention.kind, None))
            if mention.kind == "Company" and mention.known is None:
                for short in self.short_names(mention.text):
                    learnt.setdefault(short, ("Company", mention.text))
                branch = re.fullmatch(rf"(.+?)(?:有限公司|有限责任公司)([{CJK}]{{2,8}}分公司)", mention.text)
                if branch and learnt.get(branch.group(1) + branch.group(2), ("", None))[1] is None:
                    # 铁塔能源四川省分公司 is the 铁塔能源有限公司四川省分公司 of the article, written before or after
                    learnt[branch.group(1) + branch.group(2)] = ("Company", mention.text)
        at = {(m.start, m.end): i for i, m in enumerate(chosen)}
        # the chosen mentions never overlap, so each starts at its own offset: those overlapping a span are found
        # among the starts up to the longest mention's length before it, not by reading them all
        at_start = {m.start: i for i, m in enumerate(chosen)}
        longest = max((m.end - m.start for m in chosen), default=0)
        # longer names first: 四川天齐盛合锂业 before the 天齐盛合锂业 inside it (which would hold its span)
        for name, (kind, full) in sorted(learnt.items(), key=lambda item: -len(item[0])):
            for match in re.finditer(re.escape(name), text):
                if kind == "Company" and taken.overlaps(match.start(), match.end()):
                    # "珠海冠宇董事长…": the company 珠海冠宇 elsewhere, not the city 珠海; "杉杉科技", the short name
                    # the article gave 四川杉杉新材料有限公司, not the 杉杉 the knowledge has for another company
                    inside = sorted(i for start in range(match.start() - longest, match.end())
                                    if (i := at_start.get(start)) is not None and chosen[i].end > match.start())
                    if inside and all((chosen[i].kind in ("Place", "Technology") or
                                       chosen[i].kind == "Company" and chosen[i].known)
                                      and match.start() <= chosen[i].start and chosen[i].end <= match.end()
                                      and (chosen[i].start, chosen[i].end) != match.span() for i in inside):
                        for i in inside:
                            taken.discard(chosen[i].start)
                        chosen = [m for i, m in enumerate(chosen) if i not in inside]
                        at = {(m.start, m.end): i for i, m in enumerate(chosen)}
                        at_start = {m.start: i for i, m in enumerate(chosen)}
                if taken.add(match.start(), match.end()):
                    at_start[match.start()] = len(chosen)
                    longest = max(longest, match.end() - match.start())
                    chosen.append(Mention(match.start(), match.end(), name, kind, None, "learnt", alias_of=full))
                elif full and match.span() in at and chosen[at[match.span()]].known is None:
                    chosen[at[match.span()]] = replace(chosen[at[match.span()]], alias_of=full)
        owners = self._owners_inside(chosen, learnt)
        chosen += owners
        projects = {m.start: m for m in chosen if m.kind == "InvestmentProject" and m.inside is None}
        for owner in owners:  # "佰思格公司年产2万吨…项目(一期)" is also called "年产2万吨…项目(一期)"
            project = projects.get(owner.inside)
            rest = text[owner.end:project.end] if project is not None else ""
            if re.match(r"年产|\d", rest) and len(rest) >= 6:
                chosen.append(Mention(owner.end, project.end, rest, "InvestmentProject", None, "zh-without-owner",
                                      alias_of=project.text, inside=project.start))
                for match in re.finditer(re.escape(rest), text):
                    if taken.add(match.start(), match.end()):
                        chosen.append(Mention(match.start(), match.end(), rest, "InvestmentProject", None, "learnt",
                                              alias_of=project.text))
        for owner in owners:  # "四川天华时代年产…项目 … 有天华时代的关键核心技术": the owner recurs alone
            if owner.known is not None or owner.text in learnt:
                continue
            for name in [owner.text, *self.short_names(owner.text)]:
                for match in re.finditer(re.escape(name), text):
                    if taken.add(match.start(), match.end()):
                        chosen.append(Mention(match.start(), match.end(), name, "Company", None, "learnt",
                                              alias_of=None if name == owner.text else owner.text))
        chosen = self._shorter_forms(chosen + _parks_inside(chosen) + self._places_of_parks(chosen))
        return sorted(chosen, key=lambda m: (m.start, m.inside is not None))

    def _places_of_parks(self, chosen: list[Mention]) -> list[Mention]:
        """The district or county a park named only by its kind is named by (东坡区 in 东坡区高新技术产业园区,
        珙县 in 珙县工业园区): a place of the story as well as the park's name."""
        found = []
        for mention in chosen:
            if mention.kind != "IndustrialPark" or mention.known is not None or mention.inside is not None:
                continue
            head = self._leading_place(mention.text, "IndustrialPark")
            if head and _PARK_KIND_ONLY.fullmatch(mention.text[len(head):]):
                found.append(Mention(mention.start, mention.start + len(head), head, "Place", self._known.get(head),
                                     "zh-place-of-park", inside=mention.start))
        return found

    def _model_names(self, text: str, tokens: _Tokens) -> list[Mention]:
        """The organisations and people LAC names (:mod:`graph.ingest.chinese_model`), each typed by how its name
        ends: a government's or a department's suffix makes a government body, a university's or an institute's
        an organisation, a park's a park; any other organisation is a company.

        Left out: what the language's dictionary holds as a common word (新华社, 党中央), newspapers, facilities
        (电厂, 基地), phrases holding a verb (…产业城成立控股公司), a government whose name gives no place, and the
        byline's editor. A person's name LAC cuts short where jieba reads it whole (肖友|才主持) is jieba's."""
        if self.model is None:
            return []
        jieba = _base_tokenizer()
        found = []
        for start, end, words, tag in self.model.names(text, chinese_sentences(text)):
            first = tokens.at(start)
            # "央企岚峰电建集团", "上市公司宜宾天原集团": the kind of company before the name (a word of two characters
            # or more) is no part of it
            while first is not None and tokens[first][0] == start and tokens[first][1] < end and \
                    len(tokens[first][2]) > 1 and (tokens[first][2] in _STOP_WORDS or
                                                   _GENERIC_COMPANY.fullmatch(tokens[first][2])):
                start = tokens[first][1]
                words = text[start:end]
                first = tokens.at(start)
            if not re.fullmatch(rf"[{CJK}A-Za-z0-9()（）]+", words) or words in _STOP_WORDS:
                continue
            if tag == "PER":
                if first is not None and tokens[first][0] == start and tokens[first][3] == "nr" and \
                        end < tokens[first][1] <= start + 4:
                    end = tokens[first][1]
                    words = text[start:end]
                # a name of three characters may start with any surname of the Hundred Family Surnames (敖进清, 萧金平,
                # 瞿明军); a shorter or longer one with a common surname
                if (len(words) == 3 and words[0] in _FAMILY_SURNAMES or 2 <= len(words) <= 4 and (
                        words[0] in _SURNAMES or words.startswith(_COMPOUND_SURNAMES))) and \
                        re.fullmatch(f"[{CJK}]+", words) and \
                        not _BYLINE.search(text, max(0, start - 6), start) and \
                        self.knowledge.resolve(words, "Place") is None:
                    found.append(Mention(start, end, words, "Person", None, "zh-model"))
                continue
            if tag != "ORG" or len(words) < 2 or words[0].isdigit() or self.knowledge.resolve(words, "Place") or \
                    jieba.dt.FREQ.get(words, 0) >= _WELL_KNOWN_WORD or _NOT_AN_ORGANISATION.search(words) or \
                    _MEDIA_AFTER.match(text, end) or _STORY_VERB.search(words):
                continue
            if re.search(r"网联$|电动$", words) and re.match(r"(?:新能源)?汽车", text[end:]):
                continue  # "中德智能网联汽车试验基地", "渝西地区智能网联新能源汽车": a kind of vehicle, no organisation's name
            kind = next((kind for kind, suffix in _MODEL_KINDS if re.search(suffix + "$", words)), "Company")
            if kind == "Company" and _in_a_slogan(text, start, end):
                continue  # "“走进区域看发展 川渝奋楫谱新篇”", "“贡嘎培优”企业": a slogan or a title, no company
            if _NATIONAL_BODY.fullmatch(to_simplified(words)):
                kind = "GovernmentBody"  # 工信部: the country's, no place named
            elif kind == "GovernmentBody" and not self._names_a_place(re.sub(_BODY_SUFFIX + "$", "", words)):
                continue
            if kind == "IndustrialPark" and self._leading_places(words)[1] == "特色小镇":
                continue  # "四川省特色小镇": a title a province gives towns, no park's name
            if kind == "GovernmentBody":
                start = self._strip_places(text, start, end, kind)
                words = text[start:end]
            found.append(Mention(start, end, words, kind, None, "zh-model"))
        return found

    def _known_by_short_name(self, mention: Mention) -> Mention:
        """A company's full name whose short name is a known company's: the known company (蜂巢能源科技有限公司 is
        蜂巢能源), where the full name is a company's legal name.

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> recognise._known_by_short_name(Mention(0, 10, "蜂巢能源科技有限公司", "Company")).known.kind
        'Company'
        """
        core = re.sub(r"(?:股份有限公司|有限责任公司|有限公司)$", "", mention.text)
        if core == mention.text or not re.fullmatch(f"[{CJK}]+", core) or self._leading_place(core, "Company") or \
                any(core.startswith(p) for p in self._known if self._known[p].kind == "Place"):
            return mention  # 中创新航科技(四川)有限公司, 四川时代新能源科技有限公司: a regional company of its own
        known = None
        while known is None and (shorter := re.sub(_ONE_TRADE_WORD + "$", "", core)) != core and len(shorter) >= 2:
            core = shorter  # 蜂巢能源科技 → 蜂巢能源: one trade word left out at a time
            known = self._known.get(core) if core in self._known and self._known[core].kind == "Company" else None
        return replace(mention, known=known, rule="known") if known is not None else mention

    def _shorter_forms(self, chosen: list[Mention]) -> list[Mention]:
        """A park, a body or a conference named again in other words: without the places, the year or the edition its
        full name starts with (两江新区 is the article's 重庆两江新区, 自贡市投资促进局 its 四川省自贡市投资促进局, 锂电产业大会 its
        2021年中国(遂宁)国际锂电产业大会), without a place's division word (射洪锂电产业园, 射洪县锂电产业园) or with a
        department's other name (省发展改革委, 四川省发改委).

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> [(m.text, m.alias_of) for m in recognise("重庆两江新区举行签约。两江新区管委会表示欢迎。")
        ...  if m.kind == "IndustrialPark"]
        [('重庆两江新区', None), ('两江新区', '重庆两江新区')]
        """
        kinds = ("IndustrialPark", "Conference", "GovernmentBody")
        compared = (*kinds, "Company")
        canonical_of = {m.text: self._canonical(m.text) for m in chosen if m.kind in compared}
        full = [(m.text, canonical_of[m.text], m.start) for m in chosen if m.kind in kinds and m.known is None]
        first = {}
        for text, _, start in full:
            first.setdefault(text, start)
        # the same name but for a place's division word or a zone's long form, known or not: 深圳德方纳米科技股份有限公司
        # is the article's 深圳市德方纳米科技股份有限公司, 四川彭山经济开发区 its (known) 四川彭山经开区
        same = {}
        for m in sorted(chosen, key=lambda m: (m.known is None, -len(m.text), m.start)):
            if m.kind in compared:
                same.setdefault((m.kind, canonical_of[m.text]), m.text)
        shorter = []
        for mention in chosen:
            if mention.kind not in compared or mention.known is not None or mention.alias_of is not None:
                shorter.append(mention)
                continue
            name, canonical = mention.text, canonical_of[mention.text]
            if same[mention.kind, canonical] != name:
                mention = replace(mention, alias_of=same[mention.kind, canonical])
            elif mention.kind in kinds and (len(name) >= 4 or mention.kind == "Conference"):
                if mention.kind == "Conference":  # …, or without its edition: 西博会 is the 第十九届西博会
                    longer = [f for f, _, _ in full if f != name and f.endswith(name) and
                              (len(name) >= 5 or re.fullmatch(_EDITION_WORDS, f[:-len(name)]))]
                else:  # the places before the name, or none where the names differ by a division or a department
                    longer = [f for f, c, _ in full if f != name and c.endswith(canonical) and
                              not self._leading_places(c[:-len(canonical)])[1] and
                              (c != canonical or (len(f), -first[f]) > (len(name), -first[name]))]
                    if not longer and name[0] in "省市区县":  # 省发展改革委: the body of the province named before
                        longer = [f for f, c, _ in full if f != name and self._leading_places(c)[0] and
                                  self._leading_places(c)[1] == self._canonical(name[1:]) and
                                  re.search(f"{name[0]}{re.escape(self._leading_places(f)[1][:1])}", f)]
                if longer:
                    mention = replace(mention, alias_of=max(longer, key=len))
            shorter.append(mention)
        return shorter

    def _leading_places(self, name: str) -> tuple[str, str]:
        """The known places ``name`` starts with, without their division words, and what is left of it.

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> recognise._leading_places("四川省自贡市投资促进局"), recognise._leading_places("锂电产业园")
        (('四川自贡', '投资促进局'), ('', '锂电产业园'))
        """
        places = ""
        while name:
            place = self._known_place_at(name)
            if place is None:
                break
            name = name[len(place):]
            place = place[:-1] if place[-1] in "省市县区州" and len(place) > 2 else place
            places += place
            name = name[1:] if name[:1] in ("省", "市", "县", "区", "州") else name
        return places, name

    def _canonical(self, name: str) -> str:
        """A park's or a body's name compared with another: places without their division words, departments by
        their short names (射洪县锂电产业园 → 射洪锂电产业园, 四川省发展改革委 → 四川发改委).

        >>> ChineseRecogniser(Knowledge.load(use_registry=False))._canonical("四川省发展和改革委员会")
        '四川发改委'
        """
        for long, short in _SYNONYMS:
            name = name.replace(long, short)
        places, rest = self._leading_places(name)
        return places + rest

    def _owners_inside(self, chosen: list[Mention], learnt: dict) -> list[Mention]:
        """The company a project's or park's name starts with: 融捷集团 in 融捷集团磷酸铁锂正极一体化材料生产基地项目,
        亿纬锂能 in 亿纬锂能成都动力储能电池一期项目."""
        companies = {n: e for n, e in self._known.items() if e.kind == "Company"}
        companies.update({n: None for n, (kind, _) in learnt.items() if kind == "Company"})
        found = []
        for mention in chosen:
            if mention.kind not in ("InvestmentProject", "IndustrialPark") or mention.known is not None:
                continue
            name = mention.text
            head = re.match(rf"[{CJK}]{{2,6}}?(?:集团|公司)|[{CJK}]{{2,14}}?(?:[(（][{CJK}]{{2,4}}[)）])?"
                            r"(?:有限责任公司|股份有限公司|有限公司)", name)
            owner = head.group(0) if head and len(head.group(0)) < len(name) - 3 else None
            if owner is None:
                owner = max((n for n in companies if name.startswith(n) and len(n) < len(name) - 3), key=len,
                            default=None)
            if owner is None and mention.kind == "InvestmentProject":
                owner = self._owner_by_its_words(name)
            if owner is None:  # "江苏厚生新能源锂电池隔膜生产西南基地项目": a place, then the company's short name
                place = self._leading_place(name, "Company") or next(
                    (p for p in sorted(self._known, key=len, reverse=True) if name.startswith(p) and
                     self._known[p].kind == "Place"), None)
                short = max((n for n in companies if place and name.startswith(n, len(place)) and
                             learnt.get(n, (0, None))[1]), key=len, default=None)
                if short and len(place) + len(short) < len(name) - 3:
                    owner = place + short
                    learnt = {**learnt, owner: ("Company", learnt[short][1])}
            if owner:
                known = companies.get(owner)
                found.append(Mention(mention.start, mention.start + len(owner), owner, "Company", known,
                                     "known" if known else "zh-owner-in-name", alias_of=learnt.get(owner, (0, None))[1],
                                     inside=mention.start))
        return found

    def _owner_by_its_words(self, name: str) -> str | None:
        """The company a project's name starts with, told by its trade (雅化锂业 in 雅化锂业项目) or by the capacity
        written after it (四川天华时代 in 四川天华时代年产6万吨电池级氢氧化锂项目); a kind of thing (储能材料项目,
        动力电池年产…), a place or a known technology is no owner.

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> recognise._owner_by_its_words("雅化锂业项目"), recognise._owner_by_its_words("四川天华时代年产6万吨氢氧化锂项目")
        ('雅化锂业', '四川天华时代')
        >>> recognise._owner_by_its_words("正极材料项目"), recognise._owner_by_its_words("宜宾市年产5万吨正极材料项目")
        (None, None)
        >>> recognise._owner_by_its_words("公司年产5万吨项目"), recognise._owner_by_its_words("一期年产5万吨项目")
        (None, None)
        """
        head = _OWNER_BY_TRADE.match(name) or _OWNER_BEFORE_CAPACITY.match(name)
        if head is None:
            return None
        owner = head.group("owner")
        core = owner[:-len(head.group("trade"))] if head.group("trade") else owner
        place = self._leading_place(owner, "Company") or next(
            (p for p in sorted(self._known, key=len, reverse=True) if owner.startswith(p) and
             self._known[p].kind == "Place"), "")
        rest = core[len(place):] if core.startswith(place) else core
        if len(rest) < 2 or not _GENERIC_PROJECT.sub("", rest) or rest in _STOP_WORDS or \
                _GENERIC_COMPANY.fullmatch(owner) or re.search(r"项目|基地|工程|园|[省市区县州的是在与和及]|期$|第.{1,3}期|[共合总]计|其中|分别", owner) or \
                re.fullmatch(r"[该本此这其]?(?:公司|集团|企业)", owner) or \
                any(self._known.get(w) is not None and self._known[w].kind in ("Place", "Technology", "IndustrialPark")
                    for w in (owner, core, rest)):
            return None
        return owner

    def short_names(self, name: str) -> list[str]:
        """The short names a Chinese company name suggests: without its legal form, its place and its trade, and
        these with its place (四川研一 for 四川研一新材料有限责任公司).

        >>> recognise = ChineseRecogniser(Knowledge.load(use_registry=False))
        >>> recognise.short_names("四川金汇能新材料股份有限公司")
        ['金汇能新材料', '金汇能', '四川金汇能新材料', '四川金汇能']
        >>> recognise.short_names("重庆市绿色能源发展有限公司")
        ['绿色能源发展', '重庆市绿色能源发展']
        """
        core = re.sub(rf"(?:[(（][{CJK}]{{2,4}}[)）])?{_COMPANY_SUFFIX}$", "", name)
        core = re.sub(rf"[(（][{CJK}]{{2,4}}[)）]$", "", core)
        place = next((n for n in self._places_longest_first if core.startswith(n)), None)
        if place is not None:
            core = core[len(place):]
        found = []
        if len(core) >= 3 and core != name:
            found.append(core)
        trade = re.sub(f"{_TRADE_WORD}+$", "", core)
        if len(trade) >= 2 and trade != core and trade not in found:
            found.append(trade)
        # 重庆市绿色能源发展有限公司 is not 绿色 ("green") for short
        found = [f for f in found if self.knowledge.resolve(f, "Place") is None and not _common_word(f)]
        # each with the place the company is registered in: 四川研一, 攀枝花川发龙蟒
        return found + [place + short for short in found if place is not None]


# ---------------------------------------------------------------------------------------------------------------
# English names for new Chinese entities

_GLOSSARY = [
    ("集团股份有限公司", "Group Co., Ltd."), ("集团有限公司", "Group Co., Ltd."), ("股份有限公司", "Co., Ltd."),
    ("有限责任公司", "Co., Ltd."), ("有限公司", "Co., Ltd."), ("分公司", "Branch"), ("集团", "Group"),
    ("公司", "Company"), ("人民政府", "People's Government"), ("管理委员会", "Management Committee"),
    ("管委会", "Management Committee"), ("政府", "Government"), ("经济技术开发区", "Economic and Technological "
                                                               "Development Zone"),
    ("高新技术产业开发区", "High-tech Industrial Development Zone"), ("经济开发区", "Economic Development Zone"),
    ("高新区", "High-tech Zone"), ("经开区", "Economic Development Zone"), ("开发区", "Development Zone"),
    ("新区", "New Area"), ("产业园区", "Industrial Park"), ("工业园区", "Industrial Park"), ("产业园", "Industrial Park"),
    ("工业园", "Industrial Park"), ("园区", "Park"), ("生产基地", "Production Base"), ("产业基地", "Industrial Base"),
    ("项目", "Project"), ("大会", "Conference"), ("博览会", "Expo"), ("论坛", "Forum"), ("峰会", "Summit"),
    ("新能源科技", "New Energy Technology"), ("新材料科技", "New Materials Technology"), ("新能源", "New Energy"),
    ("新材料", "New Materials"), ("科技", "Technology"), ("能源", "Energy"), ("材料", "Materials"),
    ("锂业", "Lithium"), ("锂电", "Lithium Battery"), ("动力电池", "Power Battery"), ("电池", "Battery"),
    ("储能", "Energy Storage"), ("化工", "Chemical"), ("矿业", "Mining"), ("实业", "Industrial"),
    ("控股", "Holdings"), ("汽车", "Automobile"), ("电气", "Electric"), ("技术", "Technology"),
    ("正极材料", "Cathode Materials"), ("负极材料", "Anode Materials"), ("磷酸铁锂", "Lithium Iron Phosphate"),
    ("隔膜", "Separator"), ("电解液", "Electrolyte"), ("钠离子", "Sodium-ion"), ("锂离子", "Lithium-ion"),
    ("年产", "Annual Output"), ("万吨", "0,000-ton"), ("一期", "Phase I"), ("二期", "Phase II"),
    ("三期", "Phase III"), ("世界", "World"), ("中国", "China"), ("国际", "International"),
    ("大学", "University"), ("研究院", "Research Institute"), ("研究所", "Institute"), ("协会", "Association"),
    ("联盟", "Alliance"), ("省", "Province"), ("市", "City"), ("区", "District"), ("县", "County"),
]



def _pinyin_words(chunk: str) -> str:
    """A Chinese chunk in pinyin, one capitalised word per word jieba finds: 吉利涪陵 → "Jili Fuling".

    >>> _pinyin_words("吉利涪陵"), _pinyin_words("金汇能")
    ('Jili Fuling', 'Jinhuineng')
    """
    from pypinyin import lazy_pinyin

    words: list[str] = []
    for word in _base_tokenizer().lcut(chunk, HMM=True):
        if len(word) == 1 and words:  # a lone character is a fragment of the name before it: 金汇/能 → Jinhuineng
            words[-1] += word
        elif word.strip():
            words.append(word)
    return " ".join("".join(lazy_pinyin(word)).capitalize() for word in words)


def person_name(name: str) -> str | None:
    """A Chinese person's name as English writes it, surname first: 曾毓群 → "Zeng Yuqun"; ``None`` for a
    name that is not a person's (no common surname, or not two to four characters).

    >>> person_name("曾毓群"), person_name("欧阳明高"), person_name("宁德时代新能源")
    ('Zeng Yuqun', 'Ouyang Minggao', None)
    """
    from pypinyin import lazy_pinyin

    if not re.fullmatch(rf"[{CJK}]{{2,4}}", name):
        return None
    surname = next((s for s in _COMPOUND_SURNAMES if name.startswith(s)), name[0] if name[0] in _SURNAMES else None)
    if surname is None or len(name) - len(surname) not in (1, 2):
        return None
    given = name[len(surname):]
    spoken = _SURNAME_READINGS.get(surname) or "".join(lazy_pinyin(surname))
    return f"{spoken.capitalize()} {''.join(lazy_pinyin(given)).capitalize()}"


# surnames read otherwise than the same character in a word: 曾 is Zeng as a name, ceng in 曾经
_SURNAME_READINGS = {"曾": "zeng", "单": "shan", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha", "解": "xie",
                     "乐": "yue", "尉": "yu", "缪": "miao", "翟": "zhai", "覃": "qin", "盖": "ge", "种": "chong",
                     "谌": "chen", "召": "shao", "员": "yun", "秘": "bi", "繁": "po", "句": "gou"}


def english_name(name: str, knowledge: Knowledge, kind: str | None = None) -> str:
    """An English name proposed for a new Chinese-named entity: a person's name in pinyin, surname first;
    otherwise known places and terms translated and the rest in pinyin, a word for each word. A reviewer
    corrects it where the entity has an English name of its own.

    >>> english_name("遂宁经开区", Knowledge.load(use_registry=False))
    'Suining Economic Development Zone'
    >>> english_name("朱华荣", Knowledge.load(use_registry=False), "Person")
    'Zhu Huarong'
    """
    if kind == "Person":
        spoken = person_name(name)
        if spoken:
            return spoken
    words: list[str] = []
    rest = name
    places = _place_names_longest_first(knowledge)
    while rest:
        place = next((p for p in places if rest.startswith(p)), None) if len(words) < 2 else None
        if place:
            label = _place_names(knowledge)[place]
            words.append(re.sub(r" (?:City|Province|District|County|Municipality)$", "", label)
                         if not rest[len(place):].startswith(("市", "省", "区", "县")) else label)
            rest = rest[len(place):]
            continue
        term = next(((zh, en) for zh, en in _GLOSSARY if rest.startswith(zh)), None)
        if term and (len(term[0]) > 1 or not words or rest == term[0]):
            words.append(term[1])
            rest = rest[len(term[0]):]
            continue
        match = re.match(rf"[{CJK}]+?(?=$|[^{CJK}]|" + "|".join(re.escape(zh) for zh, _ in _GLOSSARY
                                                                 if len(zh) > 1) + ")", rest)
        if match and match.group(0):
            chunk = match.group(0)
            words.append(_pinyin_words(chunk))
            rest = rest[len(chunk):]
            continue
        other = re.match(rf"[^{CJK}]+", rest)
        chunk = other.group(0) if other else rest[0]
        words.append(chunk.strip("()（） "))
        rest = rest[len(chunk):]
    text = " ".join(w for w in words if w)
    text = re.sub(r"(\d+) 0,000-ton", lambda m: f"{int(m.group(1)) * 10000:,}-ton", text)
    return re.sub(r"\s+", " ", text).strip()


def _place_names(knowledge: Knowledge) -> dict[str, str]:
    cached = getattr(knowledge, "_zh_place_labels", None)
    if cached is None:
        cached = {n: e.label for n, e in knowledge.names() if e.kind == "Place" and is_chinese(n)}
        knowledge._zh_place_labels = cached
    return cached


def _place_names_longest_first(knowledge: Knowledge) -> list[str]:
    cached = getattr(knowledge, "_zh_place_names_longest_first", None)
    if cached is None:
        cached = sorted(_place_names(knowledge), key=len, reverse=True)
        knowledge._zh_place_names_longest_first = cached
    return cached
