//! The demo city: three halls, their counters and staff, an admin, customers with utility
//! accounts (one a key account), and firms of each kind with their users.

use crate::sql::{opt_text, password_hash, text};
use domain::halls::BusinessType::{self, *};
use domain::hours::{DayHours, WeeklyHours};
use std::fmt::Write;

/// Every demo login uses this password (see README, "Demo logins").
pub const DEMO_PASSWORD: &str = "Gridhall2026";
/// 2026-01-01T00:00:00Z, the start of the demo notices.
const JAN_2026_MS: i64 = 1_767_225_600_000;

pub struct Hall {
    pub id: &'static str,
    name: &'static str,
    name_en: &'static str,
    district: &'static str,
    address: &'static str,
    address_en: &'static str,
    phone: &'static str,
    /// Latitude and longitude in millionths of a degree.
    place: (i32, i32),
    transit: &'static str,
    parking: &'static str,
    pub hours: WeeklyHours,
    pub counters: &'static [&'static [BusinessType]],
}

pub fn halls() -> Vec<Hall> {
    let day = DayHours::new;
    vec![
        Hall {
            id: "xinghu",
            name: "星湖营业厅",
            name_en: "Xinghu Hall",
            district: "星湖区",
            address: "江城市星湖区湖滨路 88 号",
            address_en: "88 Hubin Road, Xinghu District, Jiangcheng",
            phone: "0571-95598-01",
            place: (30_259_000, 120_155_000),
            transit: "公交 12、58 路湖滨路站；地铁 1 号线龙翔桥站 B 口步行 400 米",
            parking: "营业厅东侧地面停车场，办理业务免费停 1 小时",
            hours: WeeklyHours::weekdays_and_saturday(
                day((8, 30), (17, 30)),
                Some(day((9, 0), (12, 0))),
            ),
            counters: &[
                &[Payment, Invoice],
                &[Payment, Consultation],
                &[Expansion],
                &[Expansion, ChangeTransfer],
                &[ChangeTransfer, Consultation],
                &[Payment, Expansion, ChangeTransfer, Consultation, Invoice],
            ],
        },
        Hall {
            id: "binjiang",
            name: "滨江营业厅",
            name_en: "Binjiang Hall",
            district: "滨江区",
            address: "江城市滨江区江南大道 1200 号",
            address_en: "1200 Jiangnan Avenue, Binjiang District, Jiangcheng",
            phone: "0571-95598-02",
            place: (30_208_000, 120_211_000),
            transit: "公交 105、320 路江南大道站；地铁 6 号线江汉路站 A 口",
            parking: "大楼地下停车场 B1，凭号票免费停 2 小时",
            hours: WeeklyHours([Some(day((9, 0), (17, 0))); 7]),
            counters: &[
                &[Payment, Invoice],
                &[Expansion, ChangeTransfer],
                &[Consultation, Payment],
                &[Expansion],
            ],
        },
        Hall {
            id: "gaoxin",
            name: "高新营业厅",
            name_en: "Gaoxin Hall",
            district: "高新区",
            address: "江城市高新区创新路 6 号",
            address_en: "6 Chuangxin Road, Hi-tech Zone, Jiangcheng",
            phone: "0571-95598-03",
            place: (30_281_000, 120_121_000),
            transit: "公交 18、211 路创新路口站",
            parking: "园区访客停车场 P2，前 30 分钟免费",
            hours: WeeklyHours::weekdays_and_saturday(day((8, 30), (17, 0)), None),
            counters: &[
                &[Expansion],
                &[Expansion, ChangeTransfer],
                &[Payment, Consultation, Invoice],
            ],
        },
    ]
}

struct Firm {
    id: i64,
    name: &'static str,
    kind: &'static str,
    grade: &'static str,
    qualification_no: &'static str,
    expires: &'static str,
    contact: &'static str,
    phone: &'static str,
    login: &'static str,
}

const FIRMS: &[Firm] = &[
    Firm {
        id: 1,
        name: "江城电力设计院",
        kind: "design",
        grade: "甲级",
        qualification_no: "A133000001",
        expires: "2028-06-30",
        contact: "周工",
        phone: "13700000001",
        login: "design.jcdl",
    },
    Firm {
        id: 2,
        name: "恒源电气设计有限公司",
        kind: "design",
        grade: "乙级",
        qualification_no: "A233000002",
        expires: "2027-12-31",
        contact: "吴工",
        phone: "13700000002",
        login: "design.hengyuan",
    },
    Firm {
        id: 3,
        name: "星湖电力安装工程公司",
        kind: "construction",
        grade: "承装二级",
        qualification_no: "CZ2-33-0003",
        expires: "2028-03-31",
        contact: "郑经理",
        phone: "13700000003",
        login: "build.xinghu",
    },
    Firm {
        id: 4,
        name: "联合输变电建设有限公司",
        kind: "construction",
        grade: "承装三级",
        qualification_no: "CZ3-33-0004",
        expires: "2026-06-30",
        contact: "冯经理",
        phone: "13700000004",
        login: "build.lianhe",
    },
    Firm {
        id: 5,
        name: "江城电气试验研究所",
        kind: "test",
        grade: "承试二级",
        qualification_no: "CS2-33-0005",
        expires: "2028-09-30",
        contact: "陈工",
        phone: "13700000005",
        login: "test.jcsy",
    },
    Firm {
        id: 6,
        name: "正衡工程监理有限公司",
        kind: "supervision",
        grade: "电力工程甲级",
        qualification_no: "JL-A-33-0006",
        expires: "2027-10-31",
        contact: "褚工",
        phone: "13700000006",
        login: "supervise.zhengheng",
    },
];

struct Person {
    login: &'static str,
    name: &'static str,
    role: &'static str,
    phone: Option<&'static str>,
    hall: Option<&'static str>,
    key_account: bool,
    manager: Option<&'static str>,
}

const fn staff(
    login: &'static str,
    name: &'static str,
    role: &'static str,
    hall: &'static str,
) -> Person {
    Person {
        login,
        name,
        role,
        phone: None,
        hall: Some(hall),
        key_account: false,
        manager: None,
    }
}

const fn customer(phone: &'static str, name: &'static str) -> Person {
    Person {
        login: phone,
        name,
        role: "customer",
        phone: Some(phone),
        hall: None,
        key_account: false,
        manager: None,
    }
}

const PEOPLE: &[Person] = &[
    Person {
        login: "admin",
        name: "系统管理员",
        role: "admin",
        phone: None,
        hall: None,
        key_account: false,
        manager: None,
    },
    staff("manager.xinghu", "林经理", "hall_manager", "xinghu"),
    staff("staff.xinghu.1", "王晓梅", "hall_staff", "xinghu"),
    staff("staff.xinghu.2", "李建国", "hall_staff", "xinghu"),
    staff("staff.xinghu.3", "赵敏", "hall_staff", "xinghu"),
    staff("staff.xinghu.4", "陈静", "hall_staff", "xinghu"),
    staff("staff.xinghu.5", "周强", "hall_staff", "xinghu"),
    staff("staff.xinghu.6", "吴芳", "hall_staff", "xinghu"),
    staff("manager.binjiang", "孙经理", "hall_manager", "binjiang"),
    staff("staff.binjiang.1", "钱伟", "hall_staff", "binjiang"),
    staff("staff.binjiang.2", "何丽", "hall_staff", "binjiang"),
    staff("staff.binjiang.3", "郑磊", "hall_staff", "binjiang"),
    staff("staff.binjiang.4", "冯雪", "hall_staff", "binjiang"),
    staff("manager.gaoxin", "杨经理", "hall_manager", "gaoxin"),
    staff("staff.gaoxin.1", "刘洋", "hall_staff", "gaoxin"),
    staff("staff.gaoxin.2", "许静", "hall_staff", "gaoxin"),
    staff("staff.gaoxin.3", "马超", "hall_staff", "gaoxin"),
    customer("13800138001", "张伟"),
    customer("13800138002", "陈秀英"),
    customer("13800138003", "黄志强"),
    Person {
        login: "13900139000",
        name: "江城精密制造有限公司",
        role: "customer",
        phone: Some("13900139000"),
        hall: None,
        key_account: true,
        manager: Some("staff.gaoxin.1"),
    },
];

/// A utility account (户号) of the demo city.
pub struct Account {
    pub number: &'static str,
    pub holder: &'static str,
    pub address: &'static str,
    pub category: &'static str,
    /// The customer who bound it, if anyone has.
    pub login: Option<&'static str>,
    pub hall: &'static str,
    pub plan: &'static str,
    pub capacity_kva: u32,
}

const fn account(
    number: &'static str,
    holder: &'static str,
    address: &'static str,
    category: &'static str,
    login: Option<&'static str>,
    (hall, plan, capacity_kva): (&'static str, &'static str, u32),
) -> Account {
    Account {
        number,
        holder,
        address,
        category,
        login,
        hall,
        plan,
        capacity_kva,
    }
}

#[rustfmt::skip]
pub const UTILITY_ACCOUNTS: &[Account] = &[
    account("3301000001", "张伟", "江城市星湖区湖滨路 12 号 3 单元 501", "residential", Some("13800138001"), ("xinghu", "peak_valley", 8)),
    account("3301000002", "张伟", "江城市星湖区桂花巷 7 号", "commercial", Some("13800138001"), ("xinghu", "flat", 50)),
    account("3301000003", "陈秀英", "江城市滨江区江南大道 300 弄 2 号 1201", "residential", Some("13800138002"), ("binjiang", "flat", 8)),
    account("3302000004", "黄志强", "江城市高新区创新路 18 号 6 幢", "residential", Some("13800138003"), ("gaoxin", "flat", 8)),
    account("3302000005", "江城精密制造有限公司", "江城市高新区创新路 66 号", "industrial", Some("13900139000"), ("gaoxin", "flat", 1250)),
    // Not bound by anyone yet: for binding in the demo and the tests.
    account("3301000006", "王芳", "江城市星湖区梅园新村 4 幢 302", "residential", None, ("xinghu", "flat", 8)),
    account("3301000007", "刘建华", "江城市滨江区滨河路 88 号 1 单元 601", "residential", None, ("binjiang", "peak_valley", 8)),
    account("3301000008", "赵丽", "江城市星湖区文昌路 21 号 2 单元 102", "residential", None, ("xinghu", "flat", 8)),
    account("3302000009", "周明", "江城市高新区科技园路 5 号", "commercial", None, ("gaoxin", "flat", 80)),
    // Pay at the halls' kiosks, never online: each owes two months (see billing::unpaid).
    account("3301000010", "孙桂兰", "江城市滨江区沿江路 9 号 1 单元 302", "residential", None, ("binjiang", "flat", 8)),
    account("3302000011", "吴永福", "江城市高新区文化路 3 号 502", "residential", None, ("gaoxin", "flat", 8)),
];

const NOTICES: &[(i64, Option<&str>, &str, &str)] = &[
    (
        1,
        None,
        "网上营业厅上线",
        "足不出户办电费、取号、报装。线上取号后可实时查看排队进度。",
    ),
    (
        2,
        Some("xinghu"),
        "星湖营业厅周六延时服务",
        "每周六 9:00–12:00 开放缴费、咨询业务。",
    ),
    (
        3,
        Some("binjiang"),
        "滨江营业厅新增自助缴费机",
        "大厅入口新增两台自助缴费终端，支持扫码与银行卡。",
    ),
];

/// Text posters for every hall: id, title, text, order.
const POSTERS: &[(i64, &str, &str, i64)] = &[
    (
        1,
        "电费账单电子化",
        "关注“江城供电”公众号，开通电子账单，每月账单自动推送。",
        10,
    ),
    (
        2,
        "线上办电，一次都不跑",
        "新装、增容在网上营业厅申请，进度随时查看，资料线上提交。",
        20,
    ),
];

/// A planned outage in the demo's near future: id, hall, area, reason, start and end (UTC ms).
const OUTAGES: &[(i64, &str, &str, &str, i64, i64)] = &[(
    1,
    "xinghu",
    "星湖路 1–199 号、湖滨花园小区",
    "10kV 星湖线计划检修",
    1_796_086_800_000, // 2026-12-01 09:00 China time
    1_796_115_600_000, // 2026-12-01 17:00
)];

pub fn write_all(out: &mut String) {
    for (order, hall) in halls().iter().enumerate() {
        write_hall(out, hall, order);
    }
    for firm in FIRMS {
        write_firm(out, firm);
    }
    for person in PEOPLE {
        write_person(out, person);
    }
    for a in UTILITY_ACCOUNTS {
        let owner = match a.login {
            Some(login) => format!("(SELECT id FROM users WHERE login = {})", text(login)),
            None => "NULL".into(),
        };
        let _ = writeln!(
            out,
            "INSERT INTO utility_accounts (number, holder_name, address, category, user_id, hall_id, plan, capacity_kva) \
             VALUES ({}, {}, {}, {}, {owner}, {}, {}, {}) ON CONFLICT(number) DO UPDATE SET hall_id = excluded.hall_id;",
            text(a.number), text(a.holder), text(a.address), text(a.category), text(a.hall), text(a.plan), a.capacity_kva
        );
    }
    crate::billing::write_bindings(out);
    for (id, hall, title, body) in NOTICES {
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO notices (id, hall_id, title, body, starts_at, ends_at, withdrawn_at, created_by, created_at, updated_at) \
             VALUES ({id}, {}, {}, {}, {JAN_2026_MS}, NULL, NULL, (SELECT id FROM users WHERE login = 'admin'), {JAN_2026_MS}, {JAN_2026_MS});",
            opt_text(*hall), text(title), text(body)
        );
    }
    write_content(out);
    crate::projects::write_projects(out);
    crate::history::write_history(out);
}

fn write_content(out: &mut String) {
    for (id, title, body, position) in POSTERS {
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO posters (id, hall_ids_json, title, body, image_key, starts_at, ends_at, position, withdrawn_at, created_by, created_at, updated_at) \
             VALUES ({id}, '[]', {}, {}, NULL, {JAN_2026_MS}, NULL, {position}, NULL, (SELECT id FROM users WHERE login = 'admin'), {JAN_2026_MS}, {JAN_2026_MS});",
            text(title), text(body)
        );
    }
    for (id, hall, area, reason, starts, ends) in OUTAGES {
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO outages (id, hall_id, area, reason, starts_at, ends_at, withdrawn_at, created_by, created_at) \
             VALUES ({id}, {}, {}, {}, {starts}, {ends}, NULL, (SELECT id FROM users WHERE login = 'admin'), {JAN_2026_MS});",
            text(hall), text(area), text(reason)
        );
    }
}

fn write_hall(out: &mut String, h: &Hall, order: usize) {
    let hours = serde_json::to_string(&h.hours).expect("hours serialise");
    let _ = writeln!(
        out,
        "INSERT INTO halls (id, name, name_en, district, address, address_en, phone, hours_json, sort_order, lat_e6, lng_e6, transit, parking) \
         VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {order}, {}, {}, {}, {}) ON CONFLICT(id) DO NOTHING;",
        text(h.id), text(h.name), text(h.name_en), text(h.district), text(h.address), text(h.address_en), text(h.phone), text(&hours),
        h.place.0, h.place.1, text(h.transit), text(h.parking)
    );
    for (i, serves) in h.counters.iter().enumerate() {
        let serves = serde_json::to_string(serves).expect("business types serialise");
        let _ = writeln!(
            out,
            "INSERT INTO counters (hall_id, number, serves_json) VALUES ({}, {}, {}) \
             ON CONFLICT(hall_id, number) DO NOTHING;",
            text(h.id),
            i + 1,
            text(&serves)
        );
    }
}

fn write_firm(out: &mut String, f: &Firm) {
    let _ = writeln!(
        out,
        "INSERT INTO firms (id, name, kind, grade, qualification_no, qualification_expires, contact, phone) \
         VALUES ({}, {}, {}, {}, {}, {}, {}, {}) ON CONFLICT(id) DO NOTHING;",
        f.id, text(f.name), text(f.kind), text(f.grade), text(f.qualification_no), text(f.expires), text(f.contact), text(f.phone)
    );
    let _ = writeln!(
        out,
        "INSERT OR IGNORE INTO users (login, name, role, phone, hall_id, firm_id, key_account, password_hash, created_at) \
         VALUES ({}, {}, {}, NULL, NULL, {}, 0, {}, {JAN_2026_MS});",
        text(f.login), text(f.contact), text(f.kind), f.id, text(&password_hash(f.login, DEMO_PASSWORD))
    );
}

fn write_person(out: &mut String, p: &Person) {
    let manager = p
        .manager
        .map(|m| format!("(SELECT id FROM users WHERE login = {})", text(m)))
        .unwrap_or("NULL".into());
    let _ = writeln!(
        out,
        "INSERT OR IGNORE INTO users (login, name, role, phone, hall_id, firm_id, key_account, account_manager_id, password_hash, created_at) \
         VALUES ({}, {}, {}, {}, {}, NULL, {}, {manager}, {}, {JAN_2026_MS});",
        text(p.login), text(p.name), text(p.role), opt_text(p.phone), opt_text(p.hall), p.key_account as i32,
        text(&password_hash(p.login, DEMO_PASSWORD))
    );
}
