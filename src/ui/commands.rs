//! Every menu command with its label and shortcut, so menus, buttons and keys never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::i18n::{Lang, Tr};

/// A command the user can give from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// New budget.
    New,
    /// Open a file.
    Open,
    /// Save.
    Save,
    /// Save under a new name.
    SaveAs,
    /// Quit (asks about unsaved changes).
    Quit,
    /// Undo the last step.
    Undo,
    /// Redo.
    Redo,
    /// Switch between light and dark.
    ToggleTheme,
}

impl UiCommand {
    /// All commands with a keyboard shortcut, checked every frame.
    pub const WITH_SHORTCUTS: [UiCommand; 7] = [
        UiCommand::New,
        UiCommand::Open,
        UiCommand::SaveAs, // before Save: Ctrl+Shift+S must not be taken as Ctrl+S
        UiCommand::Save,
        UiCommand::Quit,
        UiCommand::Redo, // before Undo: Ctrl+Shift+Z
        UiCommand::Undo,
    ];

    /// Menu label.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            UiCommand::New => Tr::New,
            UiCommand::Open => Tr::Open,
            UiCommand::Save => Tr::Save,
            UiCommand::SaveAs => Tr::SaveAs,
            UiCommand::Quit => Tr::Quit,
            UiCommand::Undo => Tr::Undo,
            UiCommand::Redo => Tr::Redo,
            UiCommand::ToggleTheme => Tr::ThemeDark,
        }
        .get(lang)
    }

    /// The main shortcut.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        Some(match self {
            UiCommand::New => KeyboardShortcut::new(cmd, Key::N),
            UiCommand::Open => KeyboardShortcut::new(cmd, Key::O),
            UiCommand::Save => KeyboardShortcut::new(cmd, Key::S),
            UiCommand::SaveAs => KeyboardShortcut::new(cmd_shift, Key::S),
            UiCommand::Quit => KeyboardShortcut::new(cmd, Key::Q),
            UiCommand::Undo => KeyboardShortcut::new(cmd, Key::Z),
            UiCommand::Redo => KeyboardShortcut::new(cmd_shift, Key::Z),
            UiCommand::ToggleTheme => return None,
        })
    }

    /// Further shortcuts for the same command (Ctrl+Y for redo).
    #[must_use]
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            UiCommand::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            _ => None,
        }
    }

    /// Commands whose shortcut fires this frame (consumed from the input).
    pub fn pressed(ctx: &egui::Context) -> Vec<UiCommand> {
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for command in Self::WITH_SHORTCUTS {
                let hit = command
                    .shortcut()
                    .is_some_and(|s| input.consume_shortcut(&s))
                    || command
                        .alternative_shortcut()
                        .is_some_and(|s| input.consume_shortcut(&s));
                if hit {
                    fired.push(command);
                }
            }
        });
        fired
    }
}
