//! Settings: flags, then environment variables, then a TOML config file, then defaults.
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://var/gishe.db";

/// The config file's shape; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub addr: Option<SocketAddr>,
    pub database_url: Option<String>,
    pub dist: Option<PathBuf>,
    pub demo: Option<bool>,
    pub calendar_adjustments: Option<PathBuf>,
    pub allowed_origins: Option<Vec<String>>,
    pub hsts_max_age: Option<u64>,
    pub access_code_keys: Option<PathBuf>,
}

impl FileConfig {
    pub fn load(path: &Path) -> anyhow::Result<FileConfig> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read the config file {}: {e}", path.display()))?;
        toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("the config file {} is not valid: {e}", path.display()))
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub addr: SocketAddr,
    pub database_url: String,
    pub dist: PathBuf,
    pub demo: bool,
    pub calendar_adjustments: Option<PathBuf>,
    pub allowed_origins: Vec<String>,
    pub hsts_max_age: Option<u64>,
    /// The access-code key file; `None` only where the keys come from the environment.
    pub access_code_keys: Option<PathBuf>,
}

/// Where a setting's value came from; the server says it for each setting at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Environment,
    ConfigFile,
    Default,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Flag => "flag",
            Source::Environment => "environment",
            Source::ConfigFile => "config file",
            Source::Default => "default",
        }
    }
}

/// Flag, then environment (both read by clap, which says which), then the config file, then
/// the default.
pub fn pick<T>(
    cli: Option<(T, Source)>,
    file: Option<T>,
    default: impl FnOnce() -> T,
) -> (T, Source) {
    match (cli, file) {
        (Some(given), _) => given,
        (None, Some(v)) => (v, Source::ConfigFile),
        (None, None) => (default(), Source::Default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_or_environment_beat_the_file_which_beats_the_default() {
        assert_eq!(
            pick(Some((1, Source::Environment)), Some(2), || 3),
            (1, Source::Environment)
        );
        assert_eq!(pick(Some((1, Source::Flag)), None, || 3), (1, Source::Flag));
        assert_eq!(pick(None, Some(2), || 3), (2, Source::ConfigFile));
        assert_eq!(
            pick(None::<(i32, Source)>, None, || 3),
            (3, Source::Default)
        );
    }

    #[test]
    fn the_config_file_knows_every_setting_and_refuses_unknown_keys() {
        let file: FileConfig = toml::from_str(
            "addr = \"0.0.0.0:9000\"\nallowed_origins = [\"https://portal.example.bg\"]\nhsts_max_age = 600\n",
        )
        .expect("valid");
        assert_eq!(file.addr, Some("0.0.0.0:9000".parse().expect("addr")));
        assert_eq!(file.hsts_max_age, Some(600));
        assert!(toml::from_str::<FileConfig>("adr = \"x\"").is_err());
    }
}
