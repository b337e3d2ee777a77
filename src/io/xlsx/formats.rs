//! The cell formats of a workbook (built once and shared by every sheet's thread) and the print
//! setup every sheet has.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet};

use crate::calc::tables::RowKind;
use crate::model::MoneyUnit;
use crate::model::template::{NumberFormat, Zeros};

/// The cell formats of a workbook, built once.
pub(super) struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub left: Format,
    pub right: Format,
    pub header: Format,
    pub text: Format,
    pub text_wrap: Format,
    pub label: Format,
    pub code: Format,
    names: [[Format; 3]; 2],
    /// Amounts, by unit (万元, 元), thousands separators or not, how a zero prints (the
    /// template's number format) and row: body, strong body (类), total.
    amounts: [[[[Format; 3]; 3]; 2]; 2],
    pub percent: Format,
    pub note: Format,
}

const FONT: &str = "宋体";

/// Every way a zero may print, in the order of the amount formats.
const ZEROS: [Zeros; 3] = [Zeros::Blank, Zeros::Decimals, Zeros::Whole];

impl Formats {
    /// Gives every format its index in the workbook, writing each once into `scratch` (a
    /// low-memory sheet of the workbook that is then dropped). The library's low-memory sheets
    /// give a format its index the first time one of them writes it, between a read and a write
    /// lock: two sheets meeting a new format at once can each give it an index, and the cells of
    /// one then point at a style the file does not have (a 合计 printed in another number
    /// format). Registered first, on one thread, every format is known before the sheets are
    /// written side by side.
    pub(super) fn register(&self, scratch: &mut Worksheet) -> Result<(), super::ExportError> {
        let fixed = [
            &self.title,
            &self.subtitle,
            &self.left,
            &self.right,
            &self.header,
            &self.text,
            &self.text_wrap,
            &self.label,
            &self.code,
            &self.percent,
            &self.note,
        ];
        let all = fixed
            .into_iter()
            .chain(self.names.iter().flatten())
            .chain(self.amounts.iter().flatten().flatten().flatten());
        for (row, format) in (0_u32..).zip(all) {
            scratch.write_blank(row, 0, format)?;
        }
        Ok(())
    }

    pub(super) fn new() -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(10);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let name = |depth: u8, strong: bool| {
            let f = cell.clone().set_indent(depth);
            if strong { f.set_bold() } else { f }
        };
        // A row of amounts: right-aligned, bold from the 类 rows up, in `nf` (Blank: a body row
        // prints a zero as blank, as the official tables and the screen do; 合计 prints it).
        let amount = |unit: MoneyUnit, nf: NumberFormat, row: usize| {
            let f = cell
                .clone()
                .set_align(FormatAlign::Right)
                .set_num_format(printed_format(unit, nf, row == 2));
            if row > 0 { f.set_bold() } else { f }
        };
        Formats {
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: base.clone().set_align(FormatAlign::Center),
            left: base.clone().set_align(FormatAlign::Left),
            right: base.clone().set_align(FormatAlign::Right),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone(),
            text_wrap: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            label: cell.clone().set_bold().set_text_wrap(),
            code: cell.clone().set_align(FormatAlign::Left),
            names: [
                [name(0, false), name(1, false), name(2, false)],
                [name(0, true), name(1, true), name(2, true)],
            ],
            amounts: [MoneyUnit::WanYuan, MoneyUnit::Yuan].map(|unit| {
                [true, false].map(|grouped| {
                    ZEROS.map(|zeros| {
                        let nf = NumberFormat {
                            grouped,
                            zeros,
                            decimals: 2,
                            trim: false,
                        };
                        [0, 1, 2].map(|row| amount(unit, nf, row))
                    })
                })
            }),
            percent: cell
                .clone()
                .set_align(FormatAlign::Right)
                .set_num_format("0.00%"),
            note: base.set_text_wrap().set_align(FormatAlign::Left),
        }
    }

    /// The amount format of a row of `kind` in a table counted in `unit` (grouped, a body
    /// row's zero blank).
    pub(super) fn amount(&self, unit: MoneyUnit, kind: RowKind) -> &Format {
        self.printed_amount(unit, kind, NumberFormat::GROUPED_BLANK)
    }

    /// The amount format of a row of `kind` in a table counted in `unit` that prints its
    /// amounts in `nf` (the template's number format).
    pub(super) fn printed_amount(
        &self,
        unit: MoneyUnit,
        kind: RowKind,
        nf: NumberFormat,
    ) -> &Format {
        let row = match kind {
            RowKind::Total | RowKind::Subtotal => 2,
            RowKind::Class => 1,
            RowKind::Section | RowKind::Item => 0,
        };
        let zeros = ZEROS.iter().position(|z| *z == nf.zeros).unwrap_or(0);
        &self.amounts[usize::from(unit == MoneyUnit::Yuan)][usize::from(!nf.grouped)][zeros][row]
    }

    pub(super) fn name(&self, kind: RowKind) -> &Format {
        &self.names[usize::from(kind.is_strong())][usize::from(kind.depth().min(2))]
    }
}

/// The spreadsheet format of amounts in `unit` printed in `nf` (`#,##0.00` for 万元, `#,##0`
/// for whole 元, grouped); `total` for 合计 rows.
fn printed_format(unit: MoneyUnit, nf: NumberFormat, total: bool) -> String {
    let f = match (unit, nf.grouped) {
        (MoneyUnit::WanYuan, true) => "#,##0.00",
        (MoneyUnit::WanYuan, false) => "0.00",
        (MoneyUnit::Yuan, true) => "#,##0",
        (MoneyUnit::Yuan, false) => "0",
    };
    match nf.zeros {
        Zeros::Blank if total => f.to_owned(),
        Zeros::Blank => format!("{f};-{f};"),
        Zeros::Decimals => format!("{f};-{f};0.00"),
        Zeros::Whole => format!("{f};-{f};0"),
    }
}

/// The print setup every sheet shares: A4 landscape, one page wide, page numbers at the foot.
pub(super) fn print_setup(ws: &mut Worksheet) {
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_footer("&C第 &P 页 共 &N 页");
}
