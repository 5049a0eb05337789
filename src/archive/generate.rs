//! A realistic archive of N minutes files, made from the sample minutes, for
//! benchmarks and tests.
//!
//! - The five sample files are included verbatim, so the 北苑居 series (three
//!   hearings → decision → notice → in force) is there exactly once; no
//!   generated file mentions 北苑居.
//! - Every other meeting takes the structure of a sample (roster, votes and
//!   ballots, so verdicts stay right) and gets its own community, compound,
//!   people, dates, topics, speech summaries, decisions, follow-up tasks and
//!   notice history. Topics are carried over between meetings of the same
//!   compound, so threads span several meetings.
//! - Relative to the reference day `today`: a few meetings are planned or in
//!   progress, a few notices are running (some paused by an objection), and
//!   some follow-up tasks are overdue.
//! - A few broken and foreign files: a syntax error, an unknown field, a
//!   truncated file, a theme file, a RON file of another shape, binary junk,
//!   an empty file.
//!
//! The output depends only on the configuration (seed, size, `today`).

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::domain::Minutes;
use crate::domain::Timestamp;
use crate::domain::agenda::{Material, TopicSource, TopicState};
use crate::domain::decision::{DecisionNature, Task, TaskStatus};
use crate::domain::meeting::{MeetingRef, MeetingState};
use crate::domain::notice::{NoticeEvent, NoticePeriod, Objection, PeriodKind};
use crate::domain::roster::{Attendance, Role};
use crate::minutes_file;

/// The sample minutes, by file name.
pub const SAMPLES: [(&str, &str); 5] = [
    (
        "beiyuanju-1.ron",
        include_str!("../../sample-data/beiyuanju-1.ron"),
    ),
    (
        "beiyuanju-2.ron",
        include_str!("../../sample-data/beiyuanju-2.ron"),
    ),
    (
        "beiyuanju-3.ron",
        include_str!("../../sample-data/beiyuanju-3.ron"),
    ),
    (
        "zigang-sibuzou.ron",
        include_str!("../../sample-data/zigang-sibuzou.ron"),
    ),
    (
        "residents-meeting-no-quorum.ron",
        include_str!("../../sample-data/residents-meeting-no-quorum.ron"),
    ),
];

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenConfig {
    /// Total number of `.ron` files, samples and broken files included.
    pub files: usize,
    pub seed: u64,
    /// The reference day: running notices and overdue tasks are relative to it.
    pub today: NaiveDate,
    /// How many broken or foreign files among `files`.
    pub broken: usize,
}

impl GenConfig {
    /// `files` files with a few broken ones (7, plus one per 2,000 files).
    pub fn new(files: usize, seed: u64, today: NaiveDate) -> Self {
        GenConfig {
            files,
            seed,
            today,
            broken: (7 + files / 2000).min(files / 4),
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    /// Every file written, sorted.
    pub files: Vec<PathBuf>,
    /// The broken and foreign ones among them.
    pub broken: Vec<PathBuf>,
    /// The three 北苑居 hearings, oldest first (empty for tiny archives).
    pub beiyuanju: Vec<PathBuf>,
}

/// A small deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1).max(1) as u64)) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const COMMUNITIES: &[&str] = &[
    "迎泽社区",
    "桃园社区",
    "新建路社区",
    "五一路社区",
    "南内环社区",
    "长风社区",
    "青年路社区",
    "府东社区",
    "水西关社区",
    "双塔社区",
    "滨河社区",
    "龙城社区",
    "体育路社区",
    "学府社区",
    "晋祠路社区",
    "千峰社区",
    "胜利社区",
    "兴华社区",
    "和平社区",
    "柳巷社区",
    "坞城社区",
    "亲贤社区",
    "平阳社区",
    "小店社区",
];

const COMPOUND_HEADS: &[&str] = &[
    "金桂", "银杏", "翠竹", "锦绣", "龙湖", "凤凰", "春晖", "秋实", "东湖", "西山", "南风", "丽景",
    "华庭", "康乐", "安泰", "和谐", "泰安", "富民", "幸福", "阳光", "朝阳", "御河", "滨江", "书香",
    "杏花", "梧桐", "紫荆", "兰亭", "青松", "玉泉", "清水", "柳溪", "枫林", "桂香", "怡景", "嘉禾",
];
const COMPOUND_TAILS: &[&str] = &["小区", "花园", "家园", "新村", "公寓", "苑", "里", "佳园"];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
    "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛",
];
const GIVEN: &[&str] = &[
    "建国", "秀英", "桂芳", "志强", "丽娟", "德顺", "玉梅", "福生", "淑珍", "国强", "海燕", "晓梅",
    "建平", "红梅", "文华", "凤英", "永红", "志刚", "建民", "桂英", "春燕", "丽君", "德明", "根富",
    "水林", "建华", "晓红", "文斌", "思琪", "美华", "静", "敏", "磊", "军", "勇", "艳", "娜", "涛",
    "鹏", "婷", "卫东", "爱民", "宏伟", "秀珍", "翠兰", "金凤", "玉兰", "振华", "子涵", "浩然",
];

/// Topic title, thread key, background, what a decision does about it.
const TOPICS: &[(&str, &str, &str, &str)] = &[
    (
        "加装电梯",
        "电梯",
        "多栋楼为六层无电梯住宅，老年住户上下楼困难，多次向网格员反映。",
        "按楼栋成立加装电梯协调小组，费用按楼层系数分摊，低层住户给予补偿",
    ),
    (
        "停车位规划与收费",
        "停车",
        "小区车辆逐年增多，夜间车辆停到消防通道和绿地上。",
        "划定固定车位并安装道闸，本小区车辆按月收取停车管理费",
    ),
    (
        "垃圾分类投放点调整",
        "垃圾分类",
        "现投放点紧挨住宅窗户，夏季异味重，住户多次投诉。",
        "将垃圾分类投放点迁至北门内侧空地，增设洗手池和雨棚，定时定点投放",
    ),
    (
        "楼道堆物清理",
        "楼道堆物",
        "楼道内堆放纸箱、旧家具和电动车，存在消防隐患。",
        "限期清理楼道堆物，逾期不清的由志愿者统一清运至临时存放点",
    ),
    (
        "小区绿化改造",
        "绿化",
        "部分绿地被住户私自种菜，草坪裸露，雨天泥泞。",
        "收回被占绿地，补种草皮和灌木，由住户认养维护",
    ),
    (
        "电动车充电桩安装",
        "充电桩",
        "住户从楼上飞线充电，已发生两起电瓶起火。",
        "在车棚安装智能充电桩，按度计费，禁止楼道和室内充电",
    ),
    (
        "物业服务费调整",
        "物业费",
        "物业公司提出人工成本上涨，申请上调物业服务费。",
        "物业服务费按新标准收取，物业公司每季度公开服务清单和收支",
    ),
    (
        "广场舞噪音扰民",
        "广场舞",
        "晚间广场舞音响声音过大，临街住户休息受影响。",
        "广场舞活动时间限定为每晚七点至八点半，音响音量不超过规定分贝",
    ),
    (
        "老旧小区外墙维修",
        "外墙",
        "外墙保温层脱落，雨季多户墙面渗水。",
        "申请老旧小区改造资金维修外墙，不足部分从维修资金列支",
    ),
    (
        "二次供水改造",
        "供水",
        "高层住户水压不足，水箱多年未清洗。",
        "改造二次供水设施并移交供水公司管理，每半年清洗水箱一次",
    ),
    (
        "门禁系统升级",
        "门禁",
        "单元门禁损坏，外来人员随意进出。",
        "更换人脸识别门禁，老人可继续使用门禁卡",
    ),
    (
        "文明养犬公约",
        "养犬",
        "小区内遛狗不牵绳、粪便不清理，引发邻里纠纷。",
        "制定文明养犬公约，遛狗须牵绳并及时清理粪便，由楼栋长劝导",
    ),
    (
        "公共收益使用",
        "公共收益",
        "电梯广告和场地租赁收益多年未公开。",
        "公共收益设专账管理，每半年公示一次，优先用于公共设施维修",
    ),
    (
        "屋顶防水维修",
        "防水",
        "顶层住户反映屋顶漏水，天花板发霉。",
        "使用维修资金对屋顶防水层进行整体翻修",
    ),
    (
        "路灯照明更换",
        "路灯",
        "小区主干道路灯多处损坏，夜间出行不便。",
        "将小区路灯全部更换为LED节能灯，并加装光控开关",
    ),
    (
        "儿童游乐场改造",
        "儿童空间",
        "游乐设施老化生锈，地面坑洼，家长担心安全。",
        "拆除老化设施，铺设防滑软垫，增设沙池、攀爬架和看护座椅",
    ),
    (
        "老年助餐点设立",
        "助餐",
        "独居老人较多，做饭困难，希望就近解决吃饭问题。",
        "利用闲置用房设立老年助餐点，八十岁以上老人用餐给予补贴",
    ),
    (
        "快递柜设置",
        "快递柜",
        "快递堆放在门卫室，丢件和错拿时有发生。",
        "在南门内侧设置智能快递柜，门卫室不再代收快递",
    ),
    (
        "下水管道疏通",
        "下水道",
        "一楼住户下水道频繁返水，化粪池长期未清掏。",
        "委托专业公司疏通主管道并清掏化粪池，费用按户分摊",
    ),
    (
        "安装监控探头",
        "监控",
        "小区内电动车被盗多起，出入口没有监控。",
        "在出入口和车棚安装高清监控探头，接入社区智慧平台",
    ),
    (
        "共享菜园",
        "菜园",
        "闲置空地长期堆放垃圾，有住户提议改作共享菜园。",
        "将闲置空地改建为共享菜园，按户申请认领，收成部分赠送独居老人",
    ),
    (
        "消防通道整治",
        "消防通道",
        "消防通道被私家车和杂物长期占用。",
        "在消防通道施划禁停标线，占用车辆由物业劝离，屡劝不改的报交警处理",
    ),
    (
        "违章搭建拆除",
        "违建",
        "一楼住户私搭阳光房和围栏，侵占公共区域。",
        "限期自行拆除违章搭建，逾期由街道综合执法队依法拆除",
    ),
    (
        "保洁员聘用",
        "保洁",
        "原保洁员辞职后小区卫生无人打扫。",
        "由居民集资聘用保洁员一名，负责公共区域日常清扫和垃圾清运",
    ),
];

const FOR_OPENINGS: &[&str] = &[
    "我同意这个方案。",
    "我同意，早该办了。",
    "我同意，我们单元已经挨家问过了。",
    "我同意，但希望把细则写清楚。",
];
const AGAINST_OPENINGS: &[&str] = &[
    "我反对现在就定。",
    "我反对按户均摊。",
    "我反对这个位置。",
    "我反对，费用太高了。",
];
const QUESTIONS: &[&str] = &[
    "钱由谁来保管，怎么让住户放心？",
    "施工期间老人出行怎么保障？",
    "不交钱的住户怎么处理？",
    "以后坏了由谁负责维修？",
    "这个方案有没有征求过一楼住户的意见？",
    "街道能不能给一部分补贴？",
    "租户算不算在户数里？",
    "能不能先试行三个月再定？",
];
const FACTS: &[&str] = &[
    "{unit}共{n}户，已有{m}户签字同意。",
    "{compound}建于上世纪九十年代，共{b}栋楼{n}户，老年人约占三成。",
    "施工单位报价{money}元，工期约{d}天。",
    "按{n}户均摊，每户每年约{per}元。",
    "上次会议后网格员入户走访{n}户，收集意见{m}条。",
    "街道可协调老旧小区改造资金，但需居民自筹一部分。",
    "物业公司表示可以配合，但人工费用需另行核算。",
    "建议先在{unit}试点，效果好再推开。",
    "收支每季度在各单元公示栏公开，居委会设专账代管。",
    "{name}提出可以在业主微信群里先做一次问卷，{m}户已经回复。",
    "消防部门检查时指出楼道堆物和飞线充电是最大隐患。",
    "{unit}的住户多数是退休职工，对收费比较敏感。",
    "去年同类项目在{other}实施后满意度达到{pct}%。",
    "社区通APP上已发布征求意见稿，点击量{n}次。",
    "可以用LED屏在小区门口滚动公示进度。",
    "律师意见：此事属于业主共同决定事项，应按民法典第二百七十八条表决。",
    "志愿者队伍有{m}人报名，可以承担日常巡查。",
    "建议把方案打印出来，逐户送到每家每户，再收集书面意见。",
    "WiFi信号和监控线路可以一起走管，节省一笔费用。",
    "PM2.5监测显示垃圾站附近空气质量较差。",
];
/// Only ever in speech summaries, for a search test.
const SUMMARY_ONLY: &[&str] = &[
    "{name}建议设立邻里积分兑换站，参与志愿服务可以换日用品。",
    "顺便提一句，{unit}楼顶的太阳能热水器支架锈蚀严重。",
];
const POSTED_WHERE: &[&str] = &[
    "各单元楼道口公示栏",
    "小区南门公示栏及社区居务公开栏",
    "社区居务公开栏和业主微信群",
    "小区出入口公告栏",
];
const TASKS: &[&str] = &[
    "制定实施方案",
    "入户征求意见并汇总",
    "联系施工单位询价比价",
    "公示收费标准和分摊明细",
    "组织施工并全程监督",
    "完工验收并公开结果",
    "开展满意度评议",
    "张贴告示并通知到户",
    "建立管理台账",
    "申报专项补助资金",
];
const OBJECTORS: &[&str] = &["匿名住户", "一楼住户代表", "{unit}住户", "{name}"];
const OBJECTIONS: &[&str] = &[
    "认为分摊方式对低层住户不公平。",
    "认为施工会影响采光，要求调整位置。",
    "认为公示期间部分住户外出，没有看到公示。",
    "对费用测算有疑问，要求公开报价单。",
];

fn compound_short(compound: &str) -> &str {
    for tail in COMPOUND_TAILS {
        if let Some(s) = compound.strip_suffix(tail)
            && !s.is_empty()
        {
            return s;
        }
    }
    compound
}

struct Place {
    community: &'static str,
    compound: String,
    company: String,
    owner_unit: String,
    buildings: u32,
    households: u32,
}

struct Ctx<'a> {
    rng: &'a mut Rng,
    place: &'a Place,
    names: Vec<String>,
}

impl Ctx<'_> {
    fn name(&mut self) -> String {
        format!("{}{}", self.rng.pick(SURNAMES), self.rng.pick(GIVEN))
    }

    /// Fill `{…}` placeholders.
    fn fill(&mut self, template: &str, topic: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let key = &rest[open + 1..close];
            let r = &mut *self.rng;
            let value = match key {
                "unit" => format!(
                    "{}号楼{}单元",
                    r.range(1, i64::from(self.place.buildings)),
                    r.range(1, 4)
                ),
                "compound" => self.place.compound.clone(),
                "n" => r
                    .range(12, i64::from(self.place.households.max(13)))
                    .to_string(),
                "m" => r.range(3, 60).to_string(),
                "b" => self.place.buildings.to_string(),
                "d" => r.range(7, 90).to_string(),
                "pct" => r.range(70, 98).to_string(),
                "per" => r.range(30, 400).to_string(),
                "money" => format!("{},{:03}", r.range(1, 180), r.range(0, 999)),
                "name" => {
                    if self.names.is_empty() || r.chance(0.3) {
                        self.name()
                    } else {
                        let i = self.rng.below(self.names.len());
                        self.names[i].clone()
                    }
                }
                "other" => format!("{}{}", r.pick(COMPOUND_HEADS), r.pick(COMPOUND_TAILS)),
                "topic" => topic.to_string(),
                _ => String::new(),
            };
            out.push_str(&value);
            rest = &rest[(close + 1).min(rest.len())..];
        }
        out.push_str(rest);
        out
    }

    fn summary(&mut self, stance: crate::domain::speech::Stance, topic: &str) -> String {
        use crate::domain::speech::Stance;
        let mut s = match stance {
            Stance::For => self.rng.pick(FOR_OPENINGS).to_string(),
            Stance::Against => self.rng.pick(AGAINST_OPENINGS).to_string(),
            Stance::Question => String::new(),
            Stance::Neutral => format!("关于“{topic}”，"),
        };
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            let f = *self.rng.pick(FACTS);
            s.push_str(&self.fill(f, topic));
        }
        if self.rng.chance(0.04) {
            let f = *self.rng.pick(SUMMARY_ONLY);
            s.push_str(&self.fill(f, topic));
        }
        if stance == Stance::Question {
            let question = *self.rng.pick(QUESTIONS);
            s.push_str(question);
        }
        s
    }
}

fn shift_ts(t: &mut Timestamp, days: i64) {
    *t += chrono::TimeDelta::days(days);
}

fn shift_date(d: &mut NaiveDate, days: i64) {
    *d += chrono::TimeDelta::days(days);
}

/// Move every instant and date of the minutes by `days`.
fn shift_minutes(m: &mut Minutes, days: i64) {
    let mt = &mut m.meeting;
    shift_ts(&mut mt.planned_start, days);
    for t in [
        &mut mt.planned_end,
        &mut mt.actual_start,
        &mut mt.actual_end,
    ]
    .into_iter()
    .flatten()
    {
        shift_ts(t, days);
    }
    for a in &mut m.roster {
        match &mut a.attendance {
            Attendance::Present { checked_in } => shift_ts(checked_in, days),
            Attendance::LeftEarly { checked_in, left } => {
                if let Some(c) = checked_in {
                    shift_ts(c, days);
                }
                shift_ts(left, days);
            }
            Attendance::Expected | Attendance::Absent { .. } => {}
        }
    }
    for t in &mut m.agenda {
        if let Some(s) = &mut t.started_at {
            shift_ts(s, days);
        }
        for mat in &mut t.materials {
            if let Some(d) = &mut mat.sent_on {
                shift_date(d, days);
            }
        }
    }
    for s in &mut m.speeches {
        shift_ts(&mut s.start, days);
    }
    for v in &mut m.votes {
        for t in [&mut v.opened, &mut v.closed].into_iter().flatten() {
            shift_ts(t, days);
        }
        for c in &mut v.corrections {
            shift_ts(&mut c.at, days);
        }
    }
    for d in &mut m.decisions {
        if let Some(dl) = &mut d.deadline {
            shift_date(dl, days);
        }
        if let Some(e) = &mut d.evaluation {
            shift_date(&mut e.reported_on, days);
        }
    }
}

fn at(day: NaiveDate, h: u32, min: u32) -> Timestamp {
    let offset = FixedOffset::east_opt(8 * 3600).expect("valid offset");
    offset
        .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(h, min, 0).expect("valid")))
        .single()
        .expect("fixed offsets are unambiguous")
}

/// One planned meeting of the generated archive.
struct Slot {
    place: usize,
    date: NaiveDate,
}

/// Topics still open in a compound: thread key → (title index, meeting).
type OpenThreads = BTreeMap<String, (usize, MeetingRef)>;

struct Templates {
    minutes: Vec<Minutes>,
}

impl Templates {
    fn load() -> Self {
        Templates {
            minutes: SAMPLES
                .iter()
                .map(|(name, src)| {
                    minutes_file::parse(Path::new(name), src)
                        .expect("the samples parse")
                        .minutes
                })
                .collect(),
        }
    }
}

/// Make the minutes of one generated meeting.
fn make_meeting(
    rng: &mut Rng,
    templates: &Templates,
    place: &Place,
    date: NaiveDate,
    today: NaiveDate,
    open: &mut OpenThreads,
    serial: usize,
) -> Minutes {
    // Template weights: the third hearing (vote, decision, notice) and the
    // 紫港 topic-bank meeting are the most common shapes.
    let t = match rng.below(10) {
        0..=3 => 2,
        4..=6 => 3,
        7 => 0,
        8 => 1,
        _ => 4,
    };
    let mut m = templates.minutes[t].clone();
    let shift = (date - m.date()).num_days();
    shift_minutes(&mut m, shift);

    let mut ctx = Ctx {
        rng,
        place,
        names: Vec::new(),
    };
    let short = compound_short(&place.compound).to_string();

    // People.
    for a in &mut m.roster {
        a.name = ctx.name();
        a.affiliation = match a.role {
            Role::PartyRep => format!("{}党委", place.community),
            Role::ResidentsCommittee => format!("{}居委会", place.community),
            Role::PropertyCompany => place.company.clone(),
            Role::OwnerUnit => place.owner_unit.clone(),
            Role::OwnersCommittee => format!("{}业主委员会", place.compound),
            Role::ResidentRep | Role::Resident => format!("{}居民", place.compound),
            Role::SocialOrg => "益邻社会工作服务中心".into(),
            Role::Expert => "晋阳律师事务所".into(),
            Role::Observer => "街道办事处社区建设办".into(),
            Role::UnitHead => a.affiliation.clone(),
        };
    }
    ctx.names = m.roster.iter().map(|a| a.name.clone()).collect();
    let facilitator = m
        .roster
        .iter()
        .find(|a| a.role == Role::PartyRep)
        .map_or_else(|| ctx.name(), |a| a.name.clone());
    let recorder = m
        .roster
        .iter()
        .find(|a| a.role == Role::ResidentsCommittee)
        .map_or_else(|| ctx.name(), |a| a.name.clone());

    // Topics: carried over from an earlier meeting of the compound, or new.
    let mut used = Vec::new();
    let mut topic_titles: HashMap<u32, String> = HashMap::new();
    for topic in &mut m.agenda {
        let carried = if ctx.rng.chance(0.5) {
            open.iter()
                .filter(|(k, _)| !used.contains(*k))
                .min_by_key(|(_, (_, r))| r.date)
                .map(|(k, v)| (k.clone(), v.clone()))
        } else {
            None
        };
        let (idx, thread, from) = match carried {
            Some((k, (idx, r))) => (idx, k, Some(r)),
            None => {
                let mut idx = ctx.rng.below(TOPICS.len());
                while used.contains(&format!("{short}/{}", TOPICS[idx].1)) {
                    idx = (idx + 1) % TOPICS.len();
                }
                (idx, format!("{short}/{}", TOPICS[idx].1), None)
            }
        };
        used.push(thread.clone());
        let (title, _, background, _) = TOPICS[idx];
        topic.title = format!("{}{}", place.compound, title);
        topic.background = format!(
            "{}{}",
            background,
            ctx.fill("网格员共收集相关意见{m}条。", title)
        );
        topic.source = if from.is_some() {
            TopicSource::CarriedOver
        } else {
            *ctx.rng.pick(&[
                TopicSource::Residents,
                TopicSource::GridWorker,
                TopicSource::PartyBranch,
                TopicSource::ResidentsCommittee,
                TopicSource::TopicBank,
            ])
        };
        topic.carried_from = from;
        topic.thread = Some(thread);
        for mat in &mut topic.materials {
            mat.title = format!(
                "{}{}",
                topic.title,
                ctx.rng
                    .pick(&["情况说明", "意见征询汇总表", "费用测算方案", "现场勘察报告"])
            );
        }
        if topic.materials.is_empty() && ctx.rng.chance(0.3) {
            topic.materials.push(Material {
                title: format!("{}方案（征求意见稿）", topic.title),
                sent_on: Some(date - Days::new(5)),
                sent_to: "全体参会人员".into(),
            });
        }
        topic_titles.insert(topic.id, title.to_string());
    }

    // Meeting header.
    let kind_word = crate::i18n::Label::label(&m.meeting.kind, crate::i18n::Lang::Zh).to_string();
    let first_topic = m
        .agenda
        .iter()
        .find(|t| t.state != TopicState::NotChosen)
        .or(m.agenda.first())
        .map(|t| topic_titles[&t.id].clone())
        .unwrap_or_default();
    m.meeting.id = format!(
        "{}-g{serial:05}-{:04x}",
        date.format("%Y-%m-%d"),
        ctx.rng.below(0x10000)
    );
    m.meeting.title = format!("{}{}（{}）", place.compound, kind_word, first_topic);
    m.meeting.community = place.community.to_string();
    m.meeting.compound = place.compound.clone();
    m.meeting.place = format!(
        "{}{}",
        place.community,
        ctx.rng.pick(&[
            "居民议事厅",
            "邻里会客厅",
            "党群服务中心会议室",
            "居民活动室"
        ])
    );
    m.meeting.convener = format!("{}党委、居委会", place.community);
    m.meeting.facilitator = facilitator;
    m.meeting.recorder = recorder.clone();
    m.meeting.series = None;

    // Speeches.
    for s in &mut m.speeches {
        let topic = s
            .topic
            .and_then(|t| topic_titles.get(&t).cloned())
            .unwrap_or_else(|| first_topic.clone());
        s.summary = ctx.summary(s.stance, &topic);
    }

    // Decisions and votes.
    for v in &mut m.votes {
        let topic = v
            .topic
            .and_then(|t| topic_titles.get(&t).cloned())
            .unwrap_or_else(|| first_topic.clone());
        v.question = format!("是否通过{}{}方案", place.compound, topic);
    }
    for d in &mut m.decisions {
        let idxs: Vec<usize> = d
            .topics
            .iter()
            .filter_map(|t| topic_titles.get(t))
            .filter_map(|title| TOPICS.iter().position(|x| x.0 == title))
            .collect();
        let idx = idxs.first().copied().unwrap_or(0);
        let (title, _, _, action) = TOPICS[idx];
        let amount = ctx.rng.range(20, 2000) * 100;
        d.text = match d.nature {
            DecisionNature::Binding => format!(
                "{}{}：{}。所需费用{}元，{}。本决定经公示无异议后施行。",
                place.compound,
                title,
                action,
                amount,
                ctx.rng.pick(&[
                    "按户均摊，由各单元长上门收取",
                    "从公共收益中列支",
                    "申请街道专项资金解决",
                    "由维修资金列支"
                ])
            ),
            DecisionNature::ConsultationOpinion => format!(
                "关于{}{}，与会各方原则同意{}，本次不作最终决定，{}",
                place.compound,
                title,
                action,
                ctx.fill(
                    "由居委会会同{unit}单元长进一步征求意见，下次会议再议。",
                    title
                )
            ),
        };
        if let Some(money) = &mut d.money {
            money.amount = amount as f64;
            money.purpose = action.to_string();
        }
        d.responsible = recorder.clone();
        let ntasks = 1 + ctx.rng.below(4);
        d.tasks = (0..ntasks)
            .map(|_| {
                let due = date + Days::new(ctx.rng.range(7, 150) as u64);
                let age = (today - due).num_days();
                let status = if age > 30 {
                    match ctx.rng.below(100) {
                        0..=89 => TaskStatus::Done {
                            on: due - Days::new(ctx.rng.range(0, 6) as u64),
                        },
                        90..=92 => TaskStatus::Dropped,
                        _ => TaskStatus::Open,
                    }
                } else if age > 0 {
                    if ctx.rng.chance(0.5) {
                        TaskStatus::Open
                    } else {
                        TaskStatus::Done {
                            on: due - Days::new(1),
                        }
                    }
                } else {
                    TaskStatus::Open
                };
                let owner = if ctx.rng.chance(0.3) {
                    "各单元长".to_string()
                } else {
                    ctx.name()
                };
                Task {
                    title: format!("{}：{}", title, ctx.rng.pick(TASKS)),
                    owner,
                    due,
                    status,
                    note: if matches!(status, TaskStatus::Done { .. }) && ctx.rng.chance(0.4) {
                        ctx.fill("已完成，涉及{n}户。", title)
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        for dis in &mut d.dissent {
            dis.who = format!("{}（{}）", ctx.name(), ctx.fill("{unit}", title));
            let view = *ctx.rng.pick(AGAINST_OPENINGS);
            dis.view = ctx.fill(view, title);
            dis.handling = "会后由居委会上门解释，住户表示理解。".into();
        }
        if let Some(e) = &mut d.evaluation {
            e.note = ctx.fill("居委会入户发放满意度问卷，回收{n}份。", title);
            if e.reported_on > today {
                d.evaluation = None;
            }
        }
    }

    // Notices.
    for n in &mut m.notices {
        let idx = n
            .decisions
            .first()
            .and_then(|id| m.decisions.iter().find(|d| d.id == *id))
            .and_then(|d| d.topics.first())
            .and_then(|t| topic_titles.get(t))
            .and_then(|title| TOPICS.iter().position(|x| x.0 == title))
            .unwrap_or(0);
        let title = TOPICS[idx].0;
        n.title = format!("关于{}{}的公示", place.compound, title);
        n.basis = format!(
            "根据《{}居民议事协商规则》和{}的表决结果",
            place.community, m.meeting.title
        );
        n.posted_where = ctx.rng.pick(POSTED_WHERE).to_string();
        n.objection_channel = format!(
            "向本单元单元长或到{}居委会当面、书面提出（联系人：{}）",
            place.community, recorder
        );
        n.issuer = format!("{}居民委员会", place.community);
        n.period = if ctx.rng.chance(0.7) {
            NoticePeriod::ONE_WEEK
        } else {
            NoticePeriod {
                kind: PeriodKind::WorkingDays,
                length: 5,
            }
        };
        let posted = date + Days::new(1);
        let posted_at = at(posted, 9, 0);
        let age = (today - posted).num_days();
        let mut events = vec![NoticeEvent::Posted { at: posted_at }];
        let objection = |ctx: &mut Ctx<'_>, day: NaiveDate| {
            let who = *ctx.rng.pick(OBJECTORS);
            let by = ctx.fill(who, title);
            NoticeEvent::Objection(Objection {
                at: at(day, 15, 20),
                by,
                content: ctx.rng.pick(OBJECTIONS).to_string(),
                handling: String::new(),
            })
        };
        if age < 0 {
            events.clear();
        } else if age <= 9 {
            // Recent: running now, some paused by an objection.
            if age >= 2 && ctx.rng.chance(0.3) {
                events.push(objection(&mut ctx, posted + Days::new(1)));
            }
        } else {
            match ctx.rng.below(100) {
                0..=64 => {}
                65..=79 => {
                    let day = posted + Days::new(ctx.rng.range(200, 400) as u64);
                    if day < today {
                        events.push(NoticeEvent::ResultsPublished {
                            at: at(day, 9, 0),
                            note: ctx.fill("实施情况公开：涉及{n}户，满意度{pct}%。", title),
                        });
                    }
                }
                80..=89 => {
                    events.push(objection(&mut ctx, posted + Days::new(2)));
                    events.push(NoticeEvent::Review {
                        at: at(posted + Days::new(4), 10, 0),
                        note: "居委会组织复核，补充说明费用测算依据。".into(),
                        meeting: None,
                    });
                    if age > 20 {
                        events.push(NoticeEvent::Reposted {
                            at: at(posted + Days::new(8), 9, 0),
                            period: NoticePeriod::ONE_WEEK,
                        });
                    }
                }
                90..=94 => {
                    events.push(objection(&mut ctx, posted + Days::new(2)));
                    events.push(NoticeEvent::Review {
                        at: at(posted + Days::new(5), 10, 0),
                        note: "转下次会议再协商。".into(),
                        meeting: None,
                    });
                }
                95..=97 => {
                    events.push(objection(&mut ctx, posted + Days::new(1)));
                    events.push(NoticeEvent::Withdrawn {
                        at: at(posted + Days::new(6), 9, 0),
                        reason: "复核后发现测算有误，撤回重新协商。".into(),
                    });
                }
                _ => events.clear(),
            }
        }
        n.events = events;
    }

    // State relative to today.
    if date > today {
        m.clear_proceedings();
    } else if date == today {
        m.meeting.state = MeetingState::InProgress;
        m.meeting.actual_end = None;
        let keep = m.speeches.len() / 2;
        m.speeches.truncate(keep);
        let first_topic_id = m.speeches.first().and_then(|s| s.topic);
        for t in &mut m.agenda {
            if t.state != TopicState::NotChosen {
                t.state = if Some(t.id) == first_topic_id {
                    TopicState::Discussing
                } else {
                    TopicState::Pending
                };
            }
        }
        m.votes.clear();
        m.decisions.clear();
        m.notices.clear();
    }

    // Remember which topics stay open in this compound.
    let this = MeetingRef {
        id: m.meeting.id.clone(),
        title: m.meeting.title.clone(),
        date,
    };
    for t in &m.agenda {
        let Some(thread) = &t.thread else { continue };
        let idx = TOPICS
            .iter()
            .position(|x| t.title.ends_with(x.0))
            .unwrap_or(0);
        match t.state {
            TopicState::CarriedOver | TopicState::Reopened | TopicState::NotChosen => {
                open.insert(thread.clone(), (idx, this.clone()));
            }
            TopicState::Decided => {
                open.remove(thread);
            }
            TopicState::Pending | TopicState::Discussing => {}
        }
    }
    m
}

fn places(rng: &mut Rng, count: usize) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    while out.len() < count {
        let compound = format!("{}{}", rng.pick(COMPOUND_HEADS), rng.pick(COMPOUND_TAILS));
        if !seen.insert(compound.clone()) {
            if seen.len() >= COMPOUND_HEADS.len() * COMPOUND_TAILS.len() {
                break;
            }
            continue;
        }
        let community = COMMUNITIES[out.len() % COMMUNITIES.len()];
        out.push(Place {
            community,
            company: format!(
                "{}{}物业服务有限公司",
                rng.pick(&["太原市", "晋中市", "阳泉市", "山西"]),
                rng.pick(&["恒通", "安居", "宏达", "鑫盛", "嘉和", "正阳"])
            ),
            owner_unit: format!(
                "原{}{}后勤处",
                rng.pick(&["国营", "市属", "省属"]),
                rng.pick(&["纺织厂", "机床厂", "化肥厂", "印刷厂", "钢铁公司"])
            ),
            buildings: rng.range(3, 16) as u32,
            households: rng.range(60, 600) as u32,
            compound,
        });
    }
    out
}

/// A broken or foreign file of kind `k`, made from good minutes text.
fn broken_file(k: usize, good: &str, rng: &mut Rng) -> (String, Vec<u8>) {
    match k % 7 {
        0 => (
            "语法错误".into(),
            good.replacen("state: Closed,", "state: Closed", 1)
                .replacen("kind: Hearing,", "kind: Hearing", 1)
                .replacen("kind: Deliberation,", "kind: Deliberation", 1)
                .replacen("kind: ResidentsMeeting,", "kind: ResidentsMeeting", 1)
                .into_bytes(),
        ),
        1 => (
            "未知字段".into(),
            good.replacen(
                "format_version: 1,",
                "format_version: 1,\n    colour: \"红色\",",
                1,
            )
            .into_bytes(),
        ),
        2 => (
            "主题文件".into(),
            crate::theme::DARK_RON.as_bytes().to_vec(),
        ),
        3 => (
            "其他结构".into(),
            b"(\n    rules: [\n        (id: \"charter\", name: \"\xe7\xab\xa0\xe7\xa8\x8b\"),\n    ],\n)\n"
                .to_vec(),
        ),
        4 => ("二进制".into(), {
            let mut junk: Vec<u8> = (0..4096).map(|_| rng.next_u64() as u8).collect();
            junk[10] = 0xff;
            junk
        }),
        5 => ("空文件".into(), Vec::new()),
        _ => ("截断".into(), {
            let mut cut = good.len() / 2;
            while !good.is_char_boundary(cut) {
                cut -= 1;
            }
            good.as_bytes()[..cut].to_vec()
        }),
    }
}

/// Write a generated archive into `dir` (created if needed). Files go into
/// `COMMUNITY/YEAR/` subfolders, named as yishi names them.
pub fn generate(dir: &Path, cfg: &GenConfig) -> io::Result<Generated> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(cfg.seed);
    let mut out = Generated::default();
    let write = |rel: PathBuf, bytes: &[u8], out: &mut Generated| -> io::Result<PathBuf> {
        let mut path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut n = 2;
        while path.exists() {
            let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
            path = dir.join(rel.with_file_name(format!("{stem}-{n}.ron")));
            n += 1;
        }
        std::fs::write(&path, bytes)?;
        out.files.push(path.clone());
        Ok(path)
    };

    let with_samples = cfg.files >= 10;
    let mut remaining = cfg.files;
    if with_samples {
        for (i, (name, src)) in SAMPLES.iter().enumerate() {
            let m = minutes_file::parse(Path::new(name), src)
                .expect("the samples parse")
                .minutes;
            let rel = PathBuf::from(&m.meeting.community)
                .join(m.date().year().to_string())
                .join(minutes_file::paths::file_name(&m));
            let path = write(rel, src.as_bytes(), &mut out)?;
            if i < 3 {
                out.beiyuanju.push(path);
            }
        }
        remaining -= SAMPLES.len();
    }
    let broken = cfg.broken.min(remaining);
    let meetings = remaining - broken;

    let templates = Templates::load();
    let places = places(&mut rng, (meetings / 25).clamp(1, 280));
    // Dates: most spread over ten years, a few in the last nine days (their
    // notices run now), a few today or ahead (in progress, planned).
    let start = cfg.today - Days::new(3650);
    let mut slots: Vec<Slot> = (0..meetings)
        .map(|i| {
            let date = if i % 40 == 3 {
                cfg.today - Days::new(rng.range(1, 9) as u64)
            } else if i % 97 == 5 {
                cfg.today + Days::new(rng.range(1, 40) as u64)
            } else if i % 211 == 7 {
                cfg.today
            } else {
                start + Days::new(rng.range(0, 3640) as u64)
            };
            Slot {
                place: rng.below(places.len()),
                date,
            }
        })
        .collect();
    slots.sort_by_key(|s| s.date);
    let mut open: Vec<OpenThreads> = (0..places.len()).map(|_| BTreeMap::new()).collect();
    let mut last_text = String::from(SAMPLES[2].1);
    for (serial, slot) in slots.iter().enumerate() {
        let place = &places[slot.place];
        let m = make_meeting(
            &mut rng,
            &templates,
            place,
            slot.date,
            cfg.today,
            &mut open[slot.place],
            serial,
        );
        let text = minutes_file::to_ron(&m);
        debug_assert!(!text.contains("北苑居"));
        let rel = PathBuf::from(place.community)
            .join(slot.date.year().to_string())
            .join(minutes_file::paths::file_name(&m));
        write(rel, text.as_bytes(), &mut out)?;
        if serial % 3 == 0 {
            last_text = text;
        }
    }
    for k in 0..broken {
        let (label, bytes) = broken_file(k, &last_text, &mut rng);
        let community = COMMUNITIES[k % COMMUNITIES.len()];
        let rel = PathBuf::from(community).join(format!("{k:02}-{label}.ron"));
        let path = write(rel, &bytes, &mut out)?;
        out.broken.push(path);
    }
    out.files.sort();
    out.broken.sort();
    Ok(out)
}
