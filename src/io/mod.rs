//! Reading and writing budgets: the RON file format, strict loading in any common encoding, and
//! safe saving that keeps the file's identity and a backup.

pub mod batch;
pub mod catalogue;
pub mod charts;
pub mod decode;
pub mod diagnose;
mod layout;
pub mod limits;
pub mod pdf;
pub mod ron_file;
pub mod save;
pub mod stamp;
pub mod templates;
pub mod version;
mod writer;
pub mod xlsx;

pub use ron_file::{
    LoadError, Loaded, Notice, from_ron_str, load, load_file, parse, save, save_checked,
    to_ron_string,
};
pub use save::{SaveError, check_unchanged};
pub use stamp::FileStamp;

/// A short Chinese description of an OS error, shown beside the OS's own (English) message.
#[must_use]
pub fn os_reason_zh(error: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "文件或文件夹不存在",
        ErrorKind::PermissionDenied => "没有权限",
        ErrorKind::AlreadyExists => "文件已存在",
        ErrorKind::IsADirectory => "这是一个文件夹",
        ErrorKind::NotADirectory => "路径中有一项不是文件夹",
        ErrorKind::ReadOnlyFilesystem => "文件系统只读",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "磁盘空间不足",
        ErrorKind::InvalidFilename => "文件名无效或过长",
        ErrorKind::InvalidData => "内容无效",
        _ => "系统错误",
    }
}
