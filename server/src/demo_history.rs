//! Demonstration history: months of synthetic requests, reports, their histories and survey
//! answers for a demonstration municipality, so its published accountability has something to
//! show. Every row is marked `synthetic = 1` and written in the shapes real use writes.
//!
//! Only municipalities loaded with the `demo` flag get it: a real installation publishes
//! figures from real data only.
//!
//! The history is a function of the seed and of the clock's "now": the same seed
//! on the same day gives the same rows, except for the access-code hash.
use crate::catalogue::ServiceEntry;
use crate::clock::Clock;
use crate::store::requests::{EventRow, RequestRow};
use crate::store::{self, Db};
use gishe_api::calendar::{
    add_working_days, expected_completion, from_sofia, is_working_day, to_sofia, Adjustments, Date,
    Deadline, ExpectedDate, LocalDateTime, UtcSeconds,
};
use gishe_api::{
    Applicant, ContactDetails, DeliveryChoice, DeliveryMethod, EventKind, NewReport, NewRequest,
    RegistryNumber, ReportKind, RequestStatus, UrgencyTier,
};
use std::collections::BTreeMap;

/// What a generation wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Service requests.
    pub requests: u32,
    /// Complaints, signals, proposals and praise.
    pub reports: u32,
    /// Survey answers.
    pub feedback: u32,
}

/// The longest history one call writes.
pub const MAX_MONTHS: u32 = 120;

/// Fills `months` of history up to the clock's now for the demonstration municipality `slug`:
/// nothing is dated after it, and whatever was not finished by then stays open.
pub async fn generate(
    db: &Db,
    clock: &Clock,
    slug: &str,
    months: u32,
    seed: u64,
) -> anyhow::Result<Summary> {
    let now = clock.now();
    if !(1..=MAX_MONTHS).contains(&months) {
        anyhow::bail!("the history can cover 1 to {MAX_MONTHS} months, not {months}");
    }
    let m = store::municipalities::by_slug(db, slug)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no municipality with the slug {slug:?}"))?;
    if !m.demo {
        anyhow::bail!(
            "{slug} is not a demonstration municipality: published figures of a real \
             installation come from real data only"
        );
    }
    let services = store::services::search(db, m.id, None, None)
        .await?
        .into_iter()
        .filter_map(Offered::from_entry)
        .collect::<Vec<_>>();
    if services.is_empty() {
        anyhow::bail!("{slug} has no service catalogue to make history with");
    }

    let town = m
        .profile
        .name
        .bg
        .trim_start_matches("Община ")
        .trim()
        .to_string();
    let adjustments = Adjustments::builtin();
    let mut planner = Planner::new(seed, slug, months, now, &adjustments, services, town);
    let mut plans = planner.plan();
    plans.sort_by_key(|p| p.submitted_at);

    // The hash of one random code nobody is told, shared by every synthetic row: no one can
    // check a synthetic request's status anyway, and one argon2 run instead of thousands keeps
    // the generation fast.
    let code_hash =
        tokio::task::spawn_blocking(|| crate::access_code::hash(&crate::access_code::generate()))
            .await??;

    write(
        db,
        m.id,
        &m.profile.effective_registry_prefix(),
        &code_hash,
        &plans,
    )
    .await?;
    let reports = plans.iter().filter(|p| p.kind != "service").count() as u32;
    Ok(Summary {
        requests: plans.len() as u32 - reports,
        reports,
        feedback: plans.iter().filter(|p| p.feedback.is_some()).count() as u32,
    })
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// Writes the plans (sorted by submission) in one write transaction: registry numbers
/// continue the municipality's counters, which are moved on in the same transaction.
async fn write(
    db: &Db,
    municipality_id: i64,
    prefix: &str,
    code_hash: &str,
    plans: &[Plan],
) -> anyhow::Result<()> {
    let mut tx = store::begin_write(db).await?;
    let existing = store::requests::synthetic_rows(&mut tx, municipality_id).await?;
    if existing > 0 {
        anyhow::bail!("this municipality already has demonstration history ({existing} rows)");
    }
    // Ids are given here, so events and answers can name their request in multi-row inserts;
    // the write lock is held, so nobody else takes them meanwhile.
    let first_id = store::requests::next_id(&mut tx).await?;
    // Each year's numbers are taken at once; plans are in submission order, so they are
    // numbered in it.
    let mut per_year: BTreeMap<i32, i64> = BTreeMap::new();
    for plan in plans {
        *per_year.entry(plan.year).or_insert(0) += 1;
    }
    let mut next_seq: BTreeMap<i32, i64> = BTreeMap::new();
    for (year, count) in per_year {
        let first = store::requests::take_numbers(&mut tx, municipality_id, year, count).await?;
        next_seq.insert(year, first);
    }
    let mut numbers = Vec::with_capacity(plans.len());
    for plan in plans {
        let seq = next_seq.entry(plan.year).or_insert(1);
        numbers.push(RegistryNumber::new(prefix, plan.year, u32::try_from(*seq)?).to_string());
        *seq += 1;
    }

    let id = |i: usize| first_id + i as i64;
    let rows: Vec<RequestRow> = plans
        .iter()
        .zip(&numbers)
        .enumerate()
        .map(|(i, (plan, number))| RequestRow {
            id: id(i),
            municipality_id,
            registry_number: number,
            kind: plan.kind,
            service_code: &plan.service_code,
            tier: plan.tier,
            fee_cents: plan.fee_cents,
            submitted_at: plan.submitted_at,
            expected_date: plan.expected_date.to_string(),
            expected_time: plan.expected_time.clone(),
            access_code_hash: code_hash,
            body: &plan.body,
            status: plan.status.code(),
            synthetic: true,
        })
        .collect();
    store::requests::insert_requests(&mut tx, &rows).await?;

    let events: Vec<EventRow> = plans
        .iter()
        .enumerate()
        .flat_map(|(i, plan)| {
            plan.events.iter().map(move |e| EventRow {
                request_id: id(i),
                at: e.at,
                kind: e.kind.code(),
                actor: e.actor,
                note: e.note,
                reason: e.reason,
                new_expected_date: e.new_expected.map(|d| d.to_string()),
            })
        })
        .collect();
    store::requests::insert_events(&mut tx, &events).await?;

    let answers: Vec<store::feedback::Answer> = plans
        .iter()
        .enumerate()
        .filter_map(|(i, plan)| {
            plan.feedback.as_ref().map(|f| store::feedback::Answer {
                municipality_id,
                submitted_at: f.at,
                ratings: f.ratings,
                comment: f.comment,
                request_id: f.tied.then_some(id(i)),
                synthetic: true,
            })
        })
        .collect();
    store::feedback::insert_many(&mut tx, &answers).await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// A small deterministic generator (SplitMix64)
// ---------------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64, slug: &str) -> Rng {
        // FNV-1a of the slug, so one seed gives each municipality its own history.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in slug.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Rng(seed ^ h)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in lo..=hi (lo when hi < lo).
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() as i64 - 1) as usize]
    }

    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------------------------
// Office hours as a count of working minutes
// ---------------------------------------------------------------------------------------------

/// The office works 08:30–17:30 Sofia time on working days. A "working minute" numbers the
/// minutes of those hours consecutively from the first working day covered, so staff events can
/// be spread over working time and turned back into instants.
struct Office {
    first_day: i64,
    /// Per calendar day from `first_day`: working days before it, and whether it is one.
    before: Vec<i64>,
    working: Vec<bool>,
    days: Vec<Date>,
}

const OPEN: i64 = 8 * 60 + 30;
const CLOSE: i64 = 17 * 60 + 30;
const DAY: i64 = CLOSE - OPEN;

impl Office {
    fn new(from: Date, to: Date, adjustments: &Adjustments) -> Office {
        let first_day = from.days_since_epoch();
        let (mut before, mut working, mut days) = (Vec::new(), Vec::new(), Vec::new());
        let mut date = from;
        while date <= to {
            before.push(days.len() as i64);
            let w = is_working_day(date, adjustments);
            working.push(w);
            if w {
                days.push(date);
            }
            date = date.add_days(1);
        }
        Office {
            first_day,
            before,
            working,
            days,
        }
    }

    fn is_working(&self, date: Date) -> bool {
        let k = date.days_since_epoch() - self.first_day;
        k >= 0 && (k as usize) < self.working.len() && self.working[k as usize]
    }

    /// The first working minute at or after the instant `t`.
    fn minute_at_or_after(&self, t: i64) -> i64 {
        let local = to_sofia(UtcSeconds(t));
        let k = local.date().days_since_epoch() - self.first_day;
        if k < 0 {
            return 0;
        }
        let Some(&before) = self.before.get(k as usize) else {
            return self.days.len() as i64 * DAY;
        };
        if !self.working[k as usize] {
            return before * DAY;
        }
        let minute = i64::from(local.hour()) * 60
            + i64::from(local.minute())
            + i64::from(local.second() > 0);
        if minute < OPEN {
            before * DAY
        } else if minute < CLOSE {
            before * DAY + minute - OPEN
        } else {
            (before + 1) * DAY
        }
    }

    /// The first working minute after the working day `date`; working minutes before it fall
    /// on `date` or earlier.
    fn end_of(&self, date: Date) -> i64 {
        let k = date.days_since_epoch() - self.first_day;
        if k < 0 {
            return 0;
        }
        match self.before.get(k as usize) {
            Some(&before) => (before + i64::from(self.working[k as usize])) * DAY,
            None => self.days.len() as i64 * DAY,
        }
    }

    /// The minute by which an expected date (and time) is kept.
    fn deadline(&self, expected: ExpectedDate) -> i64 {
        match expected.time {
            Some(t) => {
                let local = LocalDateTime::new(expected.date, t.hour(), t.minute(), 0)
                    .expect("a valid time of day");
                self.minute_at_or_after(from_sofia(local).0)
            }
            None => self.end_of(expected.date),
        }
    }

    /// The instant of a working minute, or `None` beyond the days covered.
    fn instant(&self, w: i64) -> Option<i64> {
        let date = *self.days.get(usize::try_from(w / DAY).ok()?)?;
        let minute = OPEN + w % DAY;
        let local = LocalDateTime::new(date, (minute / 60) as u8, (minute % 60) as u8, 0)?;
        Some(from_sofia(local).0)
    }
}

// ---------------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------------

/// A service as offered: code, tiers with fee and deadline, delivery methods.
struct Offered {
    code: String,
    tiers: Vec<(UrgencyTier, i64, Deadline)>,
    delivery: Vec<DeliveryMethod>,
}

impl Offered {
    fn from_entry(entry: ServiceEntry) -> Option<Offered> {
        let tiers: Vec<_> = entry
            .tiers()
            .into_iter()
            .map(|t| (t.tier, t.fee.cents, t.deadline))
            .collect();
        (!tiers.is_empty()).then(|| Offered {
            delivery: if entry.delivery.is_empty() {
                vec![DeliveryMethod::Counter]
            } else {
                entry.delivery
            },
            code: entry.code,
            tiers,
        })
    }
}

struct Event {
    at: i64,
    kind: EventKind,
    actor: &'static str,
    note: Option<&'static str>,
    reason: Option<&'static str>,
    new_expected: Option<Date>,
}

struct Answer {
    at: i64,
    ratings: [i64; 5],
    comment: Option<&'static str>,
    /// Tied to its request (the rest were given without a registry number).
    tied: bool,
}

/// One request or report as it will be written: its events up to now, and the status and
/// expected date they leave it with.
struct Plan {
    submitted_at: i64,
    /// Sofia's year of submission: the year of the registry number.
    year: i32,
    kind: &'static str,
    service_code: String,
    tier: &'static str,
    fee_cents: i64,
    expected_date: Date,
    expected_time: Option<String>,
    body: String,
    status: RequestStatus,
    events: Vec<Event>,
    feedback: Option<Answer>,
}

struct Planner<'a> {
    rng: Rng,
    now: i64,
    start: Date,
    today: Date,
    office: Office,
    adjustments: &'a Adjustments,
    services: Vec<Offered>,
    popularity: Vec<f64>,
    town: String,
}

const STAFF: [&str; 6] = [
    "Гише 1",
    "Гише 2",
    "Гише 3",
    "Деловодство",
    "Отдел „Местни данъци и такси“",
    "Отдел „ГРАО“",
];

const EXTENSION_REASONS: [&str; 5] = [
    "Чакаме справка от друга администрация.",
    "Необходима е проверка на място.",
    "Необходимо е становище на друг отдел.",
    "Архивните документи се издирват в държавния архив.",
    "Голям брой заявления в периода.",
];

const REFUSAL_REASONS: [&str; 4] = [
    "Заявителят няма право да получи исканата услуга.",
    "Представените документи не отговарят на изискванията.",
    "Липсващите документи не бяха представени в срок.",
    "Исканото не е от компетентността на общината.",
];

const REPORT_REFUSAL_REASONS: [&str; 2] = [
    "Въпросът не е от компетентността на общината; сигналът е препратен по компетентност.",
    "По същия въпрос вече има даден отговор.",
];

const REPORT_ANSWER_NOTE: &str = "Отговорът е изпратен на посочения адрес.";

const MORE_INFORMATION_NOTES: [&str; 3] = [
    "Моля, представете копие от документа за собственост.",
    "Моля, уточнете адреса на имота.",
    "Необходимо е пълномощно от собственика.",
];

const MALE: [(&str, &str); 10] = [
    ("Георги", "georgi"),
    ("Иван", "ivan"),
    ("Димитър", "dimitar"),
    ("Николай", "nikolay"),
    ("Петър", "petar"),
    ("Христо", "hristo"),
    ("Стефан", "stefan"),
    ("Тодор", "todor"),
    ("Васил", "vasil"),
    ("Александър", "aleksandar"),
];

const FEMALE: [(&str, &str); 10] = [
    ("Мария", "maria"),
    ("Иванка", "ivanka"),
    ("Елена", "elena"),
    ("Йорданка", "yordanka"),
    ("Пенка", "penka"),
    ("Десислава", "desislava"),
    ("Гергана", "gergana"),
    ("Светла", "svetla"),
    ("Надежда", "nadezhda"),
    ("Виктория", "viktoria"),
];

/// Surnames in their masculine form; the feminine adds "а".
const SURNAMES: [(&str, &str); 12] = [
    ("Иванов", "ivanov"),
    ("Георгиев", "georgiev"),
    ("Димитров", "dimitrov"),
    ("Петров", "petrov"),
    ("Николов", "nikolov"),
    ("Христов", "hristov"),
    ("Стоянов", "stoyanov"),
    ("Тодоров", "todorov"),
    ("Илиев", "iliev"),
    ("Атанасов", "atanasov"),
    ("Костадинов", "kostadinov"),
    ("Попов", "popov"),
];

const STREETS: [&str; 8] = [
    "Христо Ботев",
    "Васил Левски",
    "Александър Стамболийски",
    "Княз Борис I",
    "Цар Освободител",
    "Св. св. Кирил и Методий",
    "Иван Вазов",
    "Раковски",
];

const COMPLAINTS: [&str; 5] = [
    "Чаках повече от час на гишето, работеше само едно.",
    "Удостоверението ми беше готово със закъснение, без никой да ме уведоми.",
    "Служителят не ми обясни какви документи са нужни и трябваше да дойда два пъти.",
    "Телефонът за справки не отговаря в работно време.",
    "Информацията на сайта за таксата не съвпада с тази на гишето.",
];

const SIGNALS: [&str; 5] = [
    "Уличното осветление на ул. „Раковски“ не работи от седмица.",
    "Контейнерите за смет на кръстовището не са извозвани от десет дни.",
    "Има опасна дупка на пътя пред училището.",
    "Детската площадка в парка е с повредена пързалка.",
    "В района се изхвърлят строителни отпадъци на неразрешено място.",
];

const PROPOSALS: [&str; 4] = [
    "Предлагам удължено работно време на гишето веднъж седмично.",
    "Предлагам таксите да могат да се плащат с карта на гишето.",
    "Предлагам да се поставят пейки пред центъра за услуги.",
    "Предлагам да се изпраща SMS, когато документът е готов.",
];

const PRAISE: [&str; 4] = [
    "Благодаря на служителката на гише 2 за търпението и помощта.",
    "Удостоверението беше готово още на следващия ден. Благодаря!",
    "Много любезно обслужване в центъра за услуги.",
    "Благодаря за бързия отговор на сигнала ми.",
];

const GOOD_COMMENTS: [&str; 6] = [
    "Бързо и любезно обслужване.",
    "Всичко беше ясно обяснено.",
    "Документът беше готов преди срока.",
    "Много съм доволна, благодаря.",
    "Удобно е, че мога да проверя статуса онлайн.",
    "Нямам забележки.",
];

const MIXED_COMMENTS: [&str; 4] = [
    "Чаках дълго на опашката, но служителката беше любезна.",
    "Добре, но формулярът можеше да е по-кратък.",
    "Липсва място за паркиране пред сградата.",
    "Указанията на сайта не бяха съвсем ясни.",
];

const BAD_COMMENTS: [&str; 4] = [
    "Документът ми закъсня с няколко дни.",
    "Никой не ме уведоми, че е нужен още документ.",
    "Трябваше да идвам три пъти.",
    "Неучтиво отношение на гишето.",
];

/// The months before `date`, on the same day of the month (at most the 28th).
fn months_before(date: Date, months: u32) -> Date {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 - i64::from(months);
    Date::new(
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
        date.day().min(28),
    )
    .unwrap_or(date)
}

impl<'a> Planner<'a> {
    fn new(
        seed: u64,
        slug: &str,
        months: u32,
        now: UtcSeconds,
        adjustments: &'a Adjustments,
        services: Vec<Offered>,
        town: String,
    ) -> Planner<'a> {
        let today = to_sofia(now).date();
        let start = months_before(today, months);
        // Far enough ahead for the late answers to reports planned near today; whatever lies
        // after now is cut off anyway.
        let office = Office::new(start.add_days(-7), today.add_days(730), adjustments);
        // Some services are asked for far more often than others.
        let popularity = (0..services.len())
            .map(|i| 1.0 / (1.0 + i as f64).powf(0.8))
            .collect();
        Planner {
            rng: Rng::new(seed, slug),
            now: now.0,
            start,
            today,
            office,
            adjustments,
            services,
            popularity,
            town,
        }
    }

    fn plan(&mut self) -> Vec<Plan> {
        let mut plans = Vec::new();
        let span = (self.today.days_since_epoch() - self.start.days_since_epoch()).max(1) as f64;
        let mut date = self.start;
        while date <= self.today {
            let progress = (date.days_since_epoch() - self.start.days_since_epoch()) as f64 / span;
            let working = self.office.is_working(date);
            // 3–8 a working day at the counter or online; now and then one online on a day off.
            let count = if working {
                self.rng.range(3, 8)
            } else {
                i64::from(self.rng.chance(0.4))
            };
            for _ in 0..count {
                let online = !working || self.rng.chance(0.15);
                let at = self.submission_time(date, online);
                if at > self.now {
                    continue;
                }
                plans.push(self.plan_service(at, progress));
                // Reports: about one for every fourteen requests.
                if self.rng.chance(0.07) {
                    let at = self.submission_time(date, true);
                    if at <= self.now {
                        plans.push(self.plan_report(at, progress));
                    }
                }
            }
            date = date.add_days(1);
        }
        plans
    }

    /// An instant on `date`: within office hours, or (online) from 07:00 to 23:00.
    fn submission_time(&mut self, date: Date, online: bool) -> i64 {
        let (from, to) = if online {
            (7 * 60, 23 * 60 - 1)
        } else {
            (OPEN, CLOSE - 1)
        };
        let minute = self.rng.range(from, to);
        let second = self.rng.range(0, 59);
        let local =
            LocalDateTime::new(date, (minute / 60) as u8, (minute % 60) as u8, second as u8)
                .expect("a valid time of day");
        from_sofia(local).0
    }

    /// A staff event at working minute `w`, at a random second of it.
    fn staff_event(&mut self, w: i64, kind: EventKind) -> Option<Event> {
        let at = self.office.instant(w)? + self.rng.range(0, 59);
        Some(Event {
            at,
            kind,
            actor: self.rng.pick(&STAFF),
            note: None,
            reason: None,
            new_expected: None,
        })
    }

    fn person(&mut self) -> (String, String) {
        let female = self.rng.chance(0.55);
        let ((first, first_latin), (last, last_latin)) = (
            self.rng.pick(if female { &FEMALE } else { &MALE }),
            self.rng.pick(&SURNAMES),
        );
        let suffix = if female { "а" } else { "" };
        let latin_suffix = if female { "a" } else { "" };
        (
            format!("{first} {last}{suffix}"),
            format!(
                "{first_latin}.{last_latin}{latin_suffix}{}@example.bg",
                self.rng.range(1, 99)
            ),
        )
    }

    /// Ten digits shaped like an ЕГН that fail both the ЕГН and the ЛНЧ checksums, so they
    /// cannot be anyone's number.
    fn personal_number(&mut self) -> String {
        loop {
            let s = format!(
                "{:02}{:02}{:02}{:04}",
                self.rng.range(40, 99),
                self.rng.range(1, 12),
                self.rng.range(1, 28),
                self.rng.range(0, 9999)
            );
            if gishe_api::ids::PersonalNumber::parse(&s).is_err() {
                return s;
            }
        }
    }

    fn address(&mut self) -> String {
        let street = self.rng.pick(&STREETS);
        format!(
            "гр. {}, ул. „{street}“ {}",
            self.town,
            self.rng.range(1, 120)
        )
    }

    fn phone(&mut self) -> String {
        format!(
            "08{}{:07}",
            self.rng.range(7, 9),
            self.rng.range(0, 9_999_999)
        )
    }

    fn plan_service(&mut self, submitted_at: i64, progress: f64) -> Plan {
        let service = self.rng.weighted(&self.popularity);
        let weights: Vec<f64> = self.services[service]
            .tiers
            .iter()
            .map(|(tier, _, _)| match tier {
                UrgencyTier::Ordinary => 0.78,
                UrgencyTier::Fast => 0.16,
                UrgencyTier::Express => 0.06,
            })
            .collect();
        let mut tier = self.services[service].tiers[self.rng.weighted(&weights)];
        let mut expected = expected_completion(UtcSeconds(submitted_at), tier.2, self.adjustments);
        let start = self.office.minute_at_or_after(submitted_at);
        // Nobody pays for an express service the office cannot do before closing.
        if tier.0 != UrgencyTier::Ordinary && self.office.deadline(expected) - start < 60 {
            tier = self.services[service].tiers[0];
            expected = expected_completion(UtcSeconds(submitted_at), tier.2, self.adjustments);
        }
        let code = self.services[service].code.clone();
        let delivery = self.rng.pick(&self.services[service].delivery);

        let (name, email) = self.person();
        let address = self.address();
        let request = NewRequest {
            service: code.clone(),
            applicant: Applicant::Person {
                name,
                personal_number: self.personal_number(),
            },
            contact: ContactDetails {
                email: email.clone(),
                phone: if self.rng.chance(0.6) {
                    self.phone()
                } else {
                    String::new()
                },
            },
            // The service's own questions are left unanswered: nothing reads them back.
            answers: BTreeMap::new(),
            tier: tier.0,
            delivery: DeliveryChoice {
                method: delivery,
                address: if delivery == DeliveryMethod::Post {
                    address
                } else {
                    String::new()
                },
                email: if delivery == DeliveryMethod::Email {
                    email
                } else {
                    String::new()
                },
            },
            consent: true,
        };

        let deadline = self.office.deadline(expected);
        let refused = self.rng.chance(0.03);
        let late = !refused && self.rng.chance(0.16 - 0.10 * progress);
        let more_information = !refused && self.rng.chance(0.08);
        let mut extension = None;
        let mut due = deadline;
        if !refused && deadline - start > 4 && self.rng.chance(0.06) {
            let new_date = add_working_days(
                expected.date,
                self.rng.range(3, 12) as u32,
                self.adjustments,
            );
            let at = start + 2 + (self.rng.unit() * (deadline - start - 3) as f64) as i64;
            extension = Some((at, new_date));
            due = self.office.end_of(new_date);
        }
        let end = match extension {
            // Extended because it could not be done in time: done after the first date,
            // mostly by the new one.
            Some(_) if !late => {
                deadline + 1 + ((due - deadline - 1) as f64 * 0.95 * self.rng.unit()) as i64
            }
            _ => self.finish(start, due, late, 0.25, 0.97, 8),
        };

        let mut steps = vec![(start + self.first_step(start, end), EventKind::InProgress)];
        if more_information {
            steps.push((lerp(start, end, 0.3), EventKind::MoreInformationNeeded));
            steps.push((lerp(start, end, 0.55), EventKind::InProgress));
        }
        if refused {
            steps.push((end, EventKind::Refused));
        } else {
            let gap = self.rng.range(5, ((end - start) / 3).clamp(5, 600));
            steps.push((end - gap, EventKind::Ready));
            steps.push((end, EventKind::Completed));
        }
        let mut events = self.events(submitted_at, &steps, extension);
        for e in &mut events {
            match e.kind {
                EventKind::MoreInformationNeeded => {
                    e.note = Some(self.rng.pick(&MORE_INFORMATION_NOTES))
                }
                EventKind::Refused => e.reason = Some(self.rng.pick(&REFUSAL_REASONS)),
                EventKind::DeadlineExtended => e.reason = Some(self.rng.pick(&EXTENSION_REASONS)),
                _ => {}
            }
        }
        let mut plan = self.settle(
            submitted_at,
            "service",
            code,
            (tier.0.code(), tier.1),
            expected,
            serde_json::to_string(&request).expect("a request serializes"),
            events,
        );
        plan.feedback = self.feedback(&plan, progress);
        plan
    }

    fn plan_report(&mut self, submitted_at: i64, progress: f64) -> Plan {
        let kind = ReportKind::ALL[self.rng.weighted(&[0.4, 0.3, 0.15, 0.15])];
        let text = match kind {
            ReportKind::Complaint => self.rng.pick(&COMPLAINTS),
            ReportKind::Signal => self.rng.pick(&SIGNALS),
            ReportKind::Proposal => self.rng.pick(&PROPOSALS),
            ReportKind::Praise => self.rng.pick(&PRAISE),
        };
        // Complaints and praise may be anonymous; signals and proposals never are.
        let anonymous = kind.may_be_anonymous() && self.rng.chance(0.3);
        // A complaint or praise is now and then about one service: its code is the subject.
        let subject = if kind.may_be_anonymous() && self.rng.chance(0.4) {
            let i = self.rng.weighted(&self.popularity);
            self.services[i].code.clone()
        } else {
            String::new()
        };
        // Stored as the report route stores them: no service code, tier or fee of their own.
        let (name, email) = self.person();
        let address = self.address();
        let report = NewReport {
            kind,
            subject,
            text: text.to_string(),
            name: if anonymous { String::new() } else { name },
            email: if anonymous { String::new() } else { email },
            phone: String::new(),
            address: if anonymous || self.rng.chance(0.7) {
                String::new()
            } else {
                address
            },
            consent: !anonymous,
        };
        // The legal answer deadline: two months (АПК).
        let expected = expected_completion(
            UtcSeconds(submitted_at),
            Deadline::Months(2),
            self.adjustments,
        );
        let start = self.office.minute_at_or_after(submitted_at);
        let deadline = self.office.deadline(expected);
        let refused = self.rng.chance(0.05);
        let late = !refused && self.rng.chance(0.12 - 0.06 * progress);
        let (lo, hi) = if kind == ReportKind::Praise {
            (0.03, 0.3)
        } else {
            (0.1, 0.95)
        };
        let end = self.finish(start, deadline, late, lo, hi, 15);
        let first = start + self.rng.range(1, 3 * DAY).min((end - start) / 3).max(1);
        let mut steps = vec![(first, EventKind::InProgress)];
        if refused {
            steps.push((end, EventKind::Refused));
        } else {
            let gap = self.rng.range(5, ((end - first) / 3).clamp(5, 2 * DAY));
            steps.push((end - gap, EventKind::Ready));
            steps.push((end, EventKind::Completed));
        }
        let mut events = self.events(submitted_at, &steps, None);
        for e in &mut events {
            match e.kind {
                EventKind::Refused => e.reason = Some(self.rng.pick(&REPORT_REFUSAL_REASONS)),
                EventKind::Completed if !anonymous => e.note = Some(REPORT_ANSWER_NOTE),
                _ => {}
            }
            if e.kind != EventKind::Registered {
                e.actor = "Деловодство";
            }
        }
        self.settle(
            submitted_at,
            kind.code(),
            String::new(),
            ("", 0),
            expected,
            serde_json::to_string(&report).expect("a report serializes"),
            events,
        )
    }

    /// The working minute of the first step after `start`: soon, and well before `end`.
    fn first_step(&mut self, start: i64, end: i64) -> i64 {
        self.rng.range(1, 240.min((end - start) / 4).max(1))
    }

    /// When the work is done: on time, somewhere between `lo` and `hi` of the time to the
    /// deadline; late, up to `late_days` working days after it.
    fn finish(
        &mut self,
        start: i64,
        due: i64,
        late: bool,
        lo: f64,
        hi: f64,
        late_days: i64,
    ) -> i64 {
        let end = if late || due - start < 8 {
            let days = self.rng.range(1, late_days);
            due + self.rng.range(15, DAY * days)
        } else {
            let f = lo + (hi - lo) * self.rng.unit();
            start + ((due - start) as f64 * f) as i64
        };
        end.max(start + 8)
    }

    /// The registered event, then the staff steps (strictly later one after another), with an
    /// extension (at its working minute, and its new date) slotted in where it falls.
    fn events(
        &mut self,
        submitted_at: i64,
        steps: &[(i64, EventKind)],
        extension: Option<(i64, Date)>,
    ) -> Vec<Event> {
        let mut steps: Vec<(i64, EventKind, Option<Date>)> =
            steps.iter().map(|&(w, k)| (w, k, None)).collect();
        if let Some((w, date)) = extension {
            // Never after the step that closes the request.
            let i = steps
                .iter()
                .position(|s| s.0 > w)
                .unwrap_or(steps.len())
                .min(steps.len().saturating_sub(1));
            steps.insert(i, (w, EventKind::DeadlineExtended, Some(date)));
        }
        let mut events = vec![Event {
            at: submitted_at,
            kind: EventKind::Registered,
            actor: "citizen",
            note: None,
            reason: None,
            new_expected: None,
        }];
        let mut last_w = i64::MIN;
        let mut last_at = submitted_at;
        for (w, kind, new_expected) in steps {
            let w = w.max(last_w + 1);
            last_w = w;
            let Some(mut e) = self.staff_event(w, kind) else {
                break;
            };
            // Working minutes start at or after the submission; keep the order strict.
            e.at = e.at.max(last_at + 1);
            last_at = e.at;
            e.new_expected = new_expected;
            events.push(e);
        }
        events
    }

    /// Cuts the history at now and works out the status and expected date it leaves.
    #[allow(clippy::too_many_arguments)]
    fn settle(
        &mut self,
        submitted_at: i64,
        kind: &'static str,
        service_code: String,
        (tier, fee_cents): (&'static str, i64),
        expected: ExpectedDate,
        body: String,
        mut events: Vec<Event>,
    ) -> Plan {
        events.retain(|e| e.at <= self.now);
        let mut status = RequestStatus::Registered;
        let mut expected_date = expected.date;
        let mut expected_time = expected.time.map(|t| t.to_string());
        for e in &events {
            status = match e.kind {
                EventKind::Registered => RequestStatus::Registered,
                EventKind::InProgress => RequestStatus::InProgress,
                EventKind::MoreInformationNeeded => RequestStatus::MoreInformationNeeded,
                EventKind::Ready => RequestStatus::Ready,
                EventKind::Completed => RequestStatus::Completed,
                EventKind::Refused => RequestStatus::Refused,
                EventKind::DeadlineExtended | EventKind::Note => status,
            };
            if let Some(d) = e.new_expected {
                expected_date = d;
                expected_time = None;
            }
        }
        Plan {
            submitted_at,
            year: to_sofia(UtcSeconds(submitted_at)).date().year(),
            kind,
            service_code,
            tier,
            fee_cents,
            expected_date,
            expected_time,
            body,
            status,
            events,
            feedback: None,
        }
    }

    /// A survey answer for about one completed request in five, a little after completion:
    /// mostly 4–5, lower on deadlines when the request was late, better as time goes on.
    fn feedback(&mut self, plan: &Plan, progress: f64) -> Option<Answer> {
        if plan.status != RequestStatus::Completed || !self.rng.chance(0.2) {
            return None;
        }
        let completed = plan.events.last()?.at;
        let at = completed + self.rng.range(10 * 60, 3 * 86_400);
        if at > self.now {
            return None;
        }
        let on_time = crate::store::accountability::kept(
            UtcSeconds(completed),
            plan.expected_date,
            plan.expected_time
                .as_deref()
                .and_then(|t| gishe_api::calendar::TimeOfDay::parse(t).ok()),
        );
        let base = 3.95 + 0.5 * progress;
        let mood = (self.rng.unit() + self.rng.unit() + self.rng.unit() - 1.5) * 1.2;
        let bias = [
            0.2,
            0.0,
            if on_time { 0.1 } else { -1.8 },
            -0.2,
            if on_time { 0.05 } else { -0.8 },
        ];
        let mut ratings = [0_i64; 5];
        for (r, b) in ratings.iter_mut().zip(bias) {
            let v = base + mood + b + (self.rng.unit() - 0.5) * 1.2;
            *r = v.round().clamp(1.0, 5.0) as i64;
        }
        let comment = self.rng.chance(0.25).then(|| match ratings[4] {
            4.. => self.rng.pick(&GOOD_COMMENTS),
            3 => self.rng.pick(&MIXED_COMMENTS),
            _ => self.rng.pick(&BAD_COMMENTS),
        });
        Some(Answer {
            at,
            ratings,
            comment,
            tied: self.rng.chance(0.75),
        })
    }
}

fn lerp(a: i64, b: i64, f: f64) -> i64 {
    a + ((b - a) as f64 * f) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_and_spread() {
        let (mut a, mut b) = (Rng::new(7, "radomir"), Rng::new(7, "radomir"));
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng::new(7, "ruse").next_u64(), xs[0]);
        let mut r = Rng::new(1, "x");
        for _ in 0..1000 {
            let v = r.range(3, 8);
            assert!((3..=8).contains(&v));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
    }

    #[test]
    fn working_minutes_map_to_office_hours_and_back() {
        let adj = Adjustments::default();
        let d = |s| Date::parse_iso(s).unwrap();
        // Friday 2026-03-27 to Monday 2026-03-30, across the change to summer time.
        let office = Office::new(d("2026-03-27"), d("2026-04-03"), &adj);
        let friday_close = office.end_of(d("2026-03-27"));
        assert_eq!(friday_close, DAY);
        // The weekend is skipped: the next working minute is Monday 08:30 (summer time).
        let monday = office.instant(friday_close).unwrap();
        let local = to_sofia(UtcSeconds(monday));
        assert_eq!(local.date(), d("2026-03-30"));
        assert_eq!((local.hour(), local.minute()), (8, 30));
        assert_eq!(office.minute_at_or_after(monday), DAY);
        // Saturday noon waits for Monday's opening.
        let saturday = from_sofia(LocalDateTime::new(d("2026-03-28"), 12, 0, 0).unwrap()).0;
        assert_eq!(office.minute_at_or_after(saturday), DAY);
        // A time in the afternoon maps to its own minute.
        let friday_three = from_sofia(LocalDateTime::new(d("2026-03-27"), 15, 0, 0).unwrap()).0;
        let w = office.minute_at_or_after(friday_three);
        assert_eq!(w, 15 * 60 - OPEN);
        assert_eq!(office.instant(w), Some(friday_three));
    }

    #[test]
    fn months_before_keeps_the_day_where_it_can() {
        let d = |s| Date::parse_iso(s).unwrap();
        assert_eq!(months_before(d("2026-11-21"), 18), d("2025-05-21"));
        assert_eq!(months_before(d("2026-03-31"), 1), d("2026-02-28"));
        assert_eq!(months_before(d("2026-01-15"), 13), d("2024-12-15"));
    }
}
