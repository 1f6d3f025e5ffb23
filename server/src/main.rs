//! The `gishe-server` command: serve the app and API, load profiles, import charters.
use anyhow::Context;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use gishe_server::clock::Clock;
use gishe_server::config::{
    pick, FileConfig, Settings, Source, DEFAULT_ADDR, DEFAULT_DATABASE_URL,
};
use gishe_server::profile::Profile;
use gishe_server::{admin, store, AppState};
use std::net::SocketAddr;
use std::path::PathBuf;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "gishe-server",
    version,
    about = "Gishe: citizen self-service for municipal administrations"
)]
struct Cli {
    /// A TOML file with addr, database_url, dist and demo; flags and environment win over it.
    #[arg(long, env = "GISHE_CONFIG", global = true)]
    config: Option<PathBuf>,
    /// The database, e.g. sqlite://var/gishe.db [default: sqlite://var/gishe.db]
    #[arg(long, env = "GISHE_DATABASE_URL", global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the built web app.
    Serve(ServeArgs),
    /// Create or update a municipality from its profile file (TOML).
    LoadProfile {
        /// The profile file; its `charter` and `charter_translations` are imported too.
        file: PathBuf,
    },
    /// Import a Client Charter text for a municipality; nothing is written if it cannot be structured.
    ImportCharter {
        #[arg(long)]
        municipality: String,
        /// The charter as a plain text file (UTF-8).
        file: PathBuf,
        /// A translation file (TOML, keyed by the charter's stable ids); may be repeated.
        #[arg(long)]
        translation: Vec<PathBuf>,
    },
    /// Load a municipality's service catalogue (TOML), replacing the one it had.
    LoadCatalogue {
        #[arg(long)]
        municipality: String,
        file: PathBuf,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Fill demonstration municipalities with synthetic history (requests, reports, their
    /// histories and survey answers) for their published accountability; refused for real ones.
    DemoHistory {
        /// The municipality; without it, every demonstration municipality.
        #[arg(long)]
        municipality: Option<String>,
        /// How many months back from now.
        #[arg(long, default_value_t = 18)]
        months: u32,
        /// The same seed on the same day gives the same history.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Staff access: bearer tokens, and recording events on a request.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Create, list or revoke staff bearer tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Record an event on a request, as the API does (same state machine).
    Event {
        /// E.g. RDM-2026-000042
        registry_number: String,
        /// in_progress, more_information_needed, deadline_extended, ready, completed, refused, note
        #[arg(long)]
        kind: String,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// For deadline_extended: the new expected date, YYYY-MM-DD.
        #[arg(long)]
        new_date: Option<String>,
        /// Who records it (kept in the history).
        #[arg(long, default_value = "administrator (CLI)")]
        actor: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token; it is printed once and only its hash is stored.
    Create {
        #[arg(long)]
        name: String,
    },
    /// List tokens (never the tokens themselves).
    List,
    /// Revoke a token by its id.
    Revoke { id: i64 },
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "GISHE_ADDR")]
    addr: Option<SocketAddr>,
    /// The built web app (Trunk's dist folder) [default: dist]
    #[arg(long, env = "GISHE_DIST")]
    dist: Option<PathBuf>,
    /// Load the demonstration municipalities into an empty database, and say so on every page.
    #[arg(long, env = "GISHE_DEMO")]
    demo: bool,
    /// Status checks allowed per client address in each window.
    #[arg(long, env = "GISHE_STATUS_LIMIT_PER_IP", default_value_t = gishe_server::DEFAULT_STATUS_LIMIT_PER_IP)]
    status_limit_per_ip: usize,
    /// Status checks allowed per registry number in each window.
    #[arg(long, env = "GISHE_STATUS_LIMIT_PER_NUMBER", default_value_t = gishe_server::DEFAULT_STATUS_LIMIT_PER_NUMBER)]
    status_limit_per_number: usize,
    /// The rate-limit window in seconds.
    #[arg(long, env = "GISHE_STATUS_LIMIT_WINDOW", default_value_t = 900)]
    status_limit_window: u64,
    /// A reverse proxy whose X-Forwarded-For header is believed (repeat, or comma-separate).
    #[arg(
        long = "trusted-proxy",
        env = "GISHE_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// A file of days the government moved (TOML, as api/data/calendar-adjustments.toml);
    /// the built-in one is used without it.
    #[arg(long, env = "GISHE_CALENDAR_ADJUSTMENTS")]
    calendar_adjustments: Option<PathBuf>,
    /// An origin (https://portal.example.bg) whose pages may send state-changing requests
    /// besides this server's own (repeat, or comma-separate); none by default.
    #[arg(
        long = "allowed-origin",
        env = "GISHE_ALLOWED_ORIGINS",
        value_delimiter = ','
    )]
    allowed_origins: Vec<String>,
    /// Send Strict-Transport-Security with this max-age in seconds (only behind HTTPS).
    #[arg(long, env = "GISHE_HSTS_MAX_AGE")]
    hsts_max_age: Option<u64>,
    /// The access-code key file (`id:base64` lines, the sealing key first); created on first
    /// start when missing. Default: `access-code.keys` beside the SQLite database.
    #[arg(long, env = "GISHE_ACCESS_CODE_KEYS_FILE")]
    access_code_keys: Option<PathBuf>,
    /// Seconds a client has to send a request's headers, from connecting or from the previous
    /// answer (closes half-open and idle connections).
    #[arg(long, env = "GISHE_HEADER_READ_TIMEOUT", default_value_t = gishe_server::listen::DEFAULT_HEADER_READ_TIMEOUT.as_secs())]
    header_read_timeout: u64,
    /// Seconds a request may take, reading its body included (then 408).
    #[arg(long, env = "GISHE_REQUEST_TIMEOUT", default_value_t = gishe_server::request_limits::DEFAULT_REQUEST_TIMEOUT.as_secs())]
    request_timeout: u64,
    /// Connections served at once.
    #[arg(long, env = "GISHE_MAX_CONNECTIONS", default_value_t = gishe_server::listen::DEFAULT_MAX_CONNECTIONS)]
    max_connections: usize,
}

/// Where clap found an argument: on the command line or in the environment.
fn given_source(matches: Option<&ArgMatches>, id: &str) -> Option<Source> {
    match matches?.value_source(id)? {
        clap::parser::ValueSource::CommandLine => Some(Source::Flag),
        clap::parser::ValueSource::EnvVariable => Some(Source::Environment),
        _ => None,
    }
}

/// A setting's final value, logged with where it came from.
fn chosen<T: std::fmt::Debug>(name: &str, (value, from): (T, Source)) -> T {
    tracing::info!(from = from.as_str(), value = ?value, "setting {name}");
    value
}

/// A value clap read, with where it came from.
fn given<T>(value: Option<T>, matches: Option<&ArgMatches>, id: &str) -> Option<(T, Source)> {
    Some((value?, given_source(matches, id)?))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("GISHE_LOG")
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches)?;
    let file = match &cli.config {
        Some(path) => FileConfig::load(path)?,
        None => FileConfig::default(),
    };
    let (database_url, database_url_source) = pick(
        given(cli.database_url.clone(), Some(&matches), "database_url"),
        file.database_url.clone(),
        || DEFAULT_DATABASE_URL.to_string(),
    );

    match cli.command {
        Command::Serve(args) => {
            let m = matches.subcommand_matches("serve");
            let default_addr = || {
                DEFAULT_ADDR
                    .parse()
                    .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 8080)))
            };
            let addr = chosen(
                "addr",
                pick(given(args.addr, m, "addr"), file.addr, default_addr),
            );
            let dist = chosen(
                "dist",
                pick(given(args.dist, m, "dist"), file.dist, || {
                    PathBuf::from("dist")
                }),
            );
            let demo = chosen(
                "demo",
                pick(
                    given(args.demo.then_some(true), m, "demo"),
                    file.demo,
                    || false,
                ),
            );
            let calendar_adjustments = chosen(
                "calendar_adjustments",
                pick(
                    given(
                        args.calendar_adjustments.map(Some),
                        m,
                        "calendar_adjustments",
                    ),
                    file.calendar_adjustments.map(Some),
                    || None,
                ),
            );
            let allowed_origins = chosen(
                "allowed_origins",
                pick(
                    given(
                        Some(args.allowed_origins).filter(|o| !o.is_empty()),
                        m,
                        "allowed_origins",
                    ),
                    file.allowed_origins,
                    Vec::new,
                ),
            );
            let access_code_keys = chosen(
                "access_code_keys",
                pick(
                    given(args.access_code_keys.map(Some), m, "access_code_keys"),
                    file.access_code_keys.map(Some),
                    || default_key_file(&database_url),
                ),
            );
            let hsts_max_age = chosen(
                "hsts_max_age",
                pick(
                    given(args.hsts_max_age.map(Some), m, "hsts_max_age"),
                    file.hsts_max_age.map(Some),
                    || None,
                ),
            );
            // The database URL may carry a password: only its scheme is said.
            let scheme = database_url.split(':').next().unwrap_or("");
            chosen("database_url (scheme)", (scheme, database_url_source));
            let settings = Settings {
                addr,
                database_url,
                dist,
                demo,
                calendar_adjustments,
                allowed_origins,
                hsts_max_age,
                access_code_keys,
            };
            let limits = gishe_server::StatusLimits::new(
                args.status_limit_per_ip,
                args.status_limit_per_number,
                std::time::Duration::from_secs(args.status_limit_window.max(1)),
                args.trusted_proxies,
            );
            let connections = gishe_server::listen::ConnectionLimits {
                header_read_timeout: std::time::Duration::from_secs(
                    args.header_read_timeout.max(1),
                ),
                max_connections: args.max_connections.max(1),
            };
            let request_timeout = std::time::Duration::from_secs(args.request_timeout.max(1));
            serve(settings, limits, connections, request_timeout).await
        }
        Command::LoadProfile { file: path } => {
            let db = store::connect(&database_url).await?;
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let profile =
                Profile::from_toml(&text).with_context(|| format!("{}", path.display()))?;
            let position = store::municipalities::count(&db).await?;
            store::municipalities::upsert(&db, &profile, false, position).await?;
            println!(
                "loaded the profile of {} ({})",
                profile.name.bg, profile.slug
            );
            if let Some(charter) = &profile.charter {
                let base = path.parent().unwrap_or(std::path::Path::new("."));
                let translations: Vec<PathBuf> = profile
                    .charter_translations
                    .values()
                    .map(|t| base.join(t))
                    .collect();
                import(&db, &profile.slug, &base.join(charter), &translations).await?;
            }
            if let Some(catalogue) = &profile.catalogue {
                let base = path.parent().unwrap_or(std::path::Path::new("."));
                load_catalogue(&db, &profile.slug, &base.join(catalogue)).await?;
            }
            Ok(())
        }
        Command::ImportCharter {
            municipality,
            file: path,
            translation,
        } => {
            let db = store::connect(&database_url).await?;
            import(&db, &municipality, &path, &translation).await
        }
        Command::LoadCatalogue { municipality, file } => {
            let db = store::connect(&database_url).await?;
            load_catalogue(&db, &municipality, &file).await
        }
        Command::Staff { command } => {
            let db = store::connect(&database_url).await?;
            staff_command(&db, command).await
        }
        Command::DemoHistory {
            municipality,
            months,
            seed,
        } => {
            let db = store::connect(&database_url).await?;
            let slugs = match municipality {
                Some(slug) => vec![slug],
                None => demo_slugs(&db).await?,
            };
            if slugs.is_empty() {
                anyhow::bail!("there are no demonstration municipalities (serve --demo loads them into an empty database)");
            }
            for slug in slugs {
                let s = gishe_server::demo::generate(&db, &Clock::system(), &slug, months, seed)
                    .await
                    .with_context(|| format!("demonstration history for {slug}"))?;
                println!(
                    "{slug}: {months} months of demonstration history: {} requests, {} reports, {} survey answers",
                    s.requests, s.reports, s.feedback
                );
            }
            Ok(())
        }
        Command::Openapi => {
            println!(
                "{}",
                serde_json::to_string_pretty(&gishe_server::openapi())?
            );
            Ok(())
        }
    }
}

async fn import(
    db: &store::Db,
    slug: &str,
    path: &std::path::Path,
    translations: &[PathBuf],
) -> anyhow::Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut texts = Vec::new();
    for t in translations {
        texts.push(
            std::fs::read_to_string(t).with_context(|| format!("cannot read {}", t.display()))?,
        );
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let charter = admin::import_charter(db, slug, &name, &bytes, &refs)
        .await
        .with_context(|| format!("{}", path.display()))?;
    let subsections: usize = charter.sections.iter().map(|s| s.subsections.len()).sum();
    println!(
        "imported the charter of {slug}: {} sections, {subsections} subsections, {} texts",
        charter.sections.len(),
        charter.texts().len()
    );
    Ok(())
}

async fn demo_slugs(db: &store::Db) -> anyhow::Result<Vec<String>> {
    Ok(store::municipalities::list(db)
        .await?
        .into_iter()
        .filter(|m| m.demo)
        .map(|m| m.profile.slug)
        .collect())
}

async fn staff_command(db: &store::Db, command: StaffCommand) -> anyhow::Result<()> {
    let now = Clock::system().now();
    match command {
        StaffCommand::Token {
            command: TokenCommand::Create { name },
        } => {
            let (id, token) = gishe_server::staff::create_token(db, &name, now.0).await?;
            println!("token {id} for {name} (shown once; keep it secret):\n{token}");
        }
        StaffCommand::Token {
            command: TokenCommand::List,
        } => {
            for t in gishe_server::staff::list_tokens(db).await? {
                let state = if t.revoked_at.is_some() {
                    "revoked"
                } else {
                    "active"
                };
                println!("{}\t{}\t{}\tcreated {}", t.id, t.name, state, t.created_at);
            }
        }
        StaffCommand::Token {
            command: TokenCommand::Revoke { id },
        } => {
            if gishe_server::staff::revoke_token(db, id, now.0).await? {
                println!("token {id} revoked");
            } else {
                anyhow::bail!("no active token with id {id}");
            }
        }
        StaffCommand::Event {
            registry_number,
            kind,
            reason,
            note,
            new_date,
            actor,
        } => {
            let number = gishe_api::RegistryNumber::parse(&registry_number).ok_or_else(|| {
                anyhow::anyhow!(
                    "{registry_number:?} is not a registry number such as RDM-2026-000042"
                )
            })?;
            let kind = gishe_api::EventKind::from_code(&kind)
                .ok_or_else(|| anyhow::anyhow!("unknown event kind {kind:?}"))?;
            let new_expected = match new_date {
                Some(d) => Some(
                    gishe_api::calendar::Date::parse_iso(&d)
                        .map_err(|_| anyhow::anyhow!("{d:?} is not a date YYYY-MM-DD"))?,
                ),
                None => None,
            };
            let event = gishe_api::NewEvent {
                kind,
                reason,
                note,
                new_expected,
            };
            match store::requests::add_event(db, number.as_str(), &event, &actor, now).await? {
                store::requests::EventOutcome::Recorded(s) => {
                    println!("{number}: now {}", s.code())
                }
                store::requests::EventOutcome::NotFound => anyhow::bail!("no request {number}"),
                store::requests::EventOutcome::Refused(e) => anyhow::bail!("refused: {}", e.code()),
            }
        }
    }
    Ok(())
}

async fn load_catalogue(db: &store::Db, slug: &str, path: &std::path::Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let n = admin::load_catalogue(db, slug, &text)
        .await
        .with_context(|| format!("{}", path.display()))?;
    println!("loaded the service catalogue of {slug}: {n} services");
    Ok(())
}

async fn serve(
    settings: Settings,
    limits: gishe_server::StatusLimits,
    connections: gishe_server::listen::ConnectionLimits,
    request_timeout: std::time::Duration,
) -> anyhow::Result<()> {
    let db = store::connect(&settings.database_url).await?;
    if settings.demo && admin::load_demo_if_empty(&db).await? {
        tracing::info!("demo mode: the demonstration municipalities were loaded");
        // The demonstration includes 18 months of history, so accountability has figures.
        for slug in demo_slugs(&db).await? {
            let s = gishe_server::demo::generate(&db, &Clock::system(), &slug, 18, 1).await?;
            tracing::info!(%slug, requests = s.requests, reports = s.reports, feedback = s.feedback, "demonstration history");
        }
    }
    let dist = if gishe_server::static_files::dist_is_built(&settings.dist) {
        Some(settings.dist.clone())
    } else {
        tracing::warn!(dist = %settings.dist.display(), "the web app is not built; serving the API only");
        None
    };
    let mut state = AppState::new(db);
    state.limits = std::sync::Arc::new(limits);
    state.request_timeout = request_timeout;
    state.codes = std::sync::Arc::new(load_access_code_keys(settings.access_code_keys.as_deref())?);
    state.browser = std::sync::Arc::new(gishe_server::BrowserPolicy {
        allowed_origins: gishe_server::cross_site::AllowedOrigins::new(
            settings.allowed_origins.iter().cloned(),
        ),
        hsts_max_age: settings.hsts_max_age,
    });
    if let Some(path) = &settings.calendar_adjustments {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let adjustments = gishe_server::calendar_file::parse(&text)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        tracing::info!(
            days = adjustments.days().len(),
            "calendar adjustments loaded"
        );
        state.calendar = std::sync::Arc::new(adjustments);
    }
    let app = gishe_server::app(state, dist);
    let listener = tokio::net::TcpListener::bind(settings.addr)
        .await
        .with_context(|| format!("cannot listen on {}", settings.addr))?;
    tracing::info!("serving on http://{}", listener.local_addr()?);
    println!("Gishe is ready at http://{}", listener.local_addr()?);
    gishe_server::listen::serve(listener, app, connections, shutdown()).await;
    Ok(())
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
}

/// `access-code.keys` beside an SQLite database file; none for other databases, whose
/// instances must share a key given to each of them.
fn default_key_file(database_url: &str) -> Option<PathBuf> {
    let path = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path == ":memory:" {
        return None;
    }
    Some(std::path::Path::new(path).with_file_name("access-code.keys"))
}

/// The keys from `GISHE_ACCESS_CODE_KEYS` (inline, for containers) or from the key file.
fn load_access_code_keys(
    file: Option<&std::path::Path>,
) -> anyhow::Result<gishe_server::access_code::AccessCodeKeys> {
    use gishe_server::access_code::AccessCodeKeys;
    if let Ok(inline) = std::env::var("GISHE_ACCESS_CODE_KEYS") {
        return AccessCodeKeys::parse(&inline)
            .map_err(|e| anyhow::anyhow!("GISHE_ACCESS_CODE_KEYS: {e}"));
    }
    match file {
        Some(path) => AccessCodeKeys::load_or_create(path),
        None => anyhow::bail!(
            "no access-code key: set GISHE_ACCESS_CODE_KEYS_FILE (a file every instance shares) or GISHE_ACCESS_CODE_KEYS"
        ),
    }
}
