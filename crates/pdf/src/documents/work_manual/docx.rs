//! The same revision as a Word file, for offices that must send one or edit
//! it further: the cover, the approval block, the history, a contents field
//! Word fills in on opening, the numbered sections and the workflow table.
//! Word has no symbols drawn per row here; the flowchart column names each
//! step's symbol in words. Set in TH Sarabun New, the font of Thai
//! government documents, which every such office has.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, NumPages, PageNum, Paragraph, Run, RunFonts, Style,
    StyleType, Table, TableCell, TableLayoutType, TableOfContents, TableRow, WidthType,
};

use super::{Section, Symbol, WorkManual};
use crate::PdfError;

const FONT: &str = "TH Sarabun New";
/// Half-points: the 16 pt body of official Thai documents.
const BODY: usize = 32;
/// A4 text width between 3 cm and 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9071;

impl WorkManual {
    /// The revision as DOCX bytes; `digits` writes numbers as the reader
    /// asked (Thai or Arabic).
    pub fn docx(&self, digits: &dyn Fn(&str) -> String) -> Result<Vec<u8>, PdfError> {
        let w = Writer { digits };
        let mut docx = Docx::new()
            .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT))
            .default_size(BODY)
            .page_size(11906, 16838)
            .page_margin(
                docx_rs::PageMargin::new()
                    .top(1418)
                    .bottom(1134)
                    .left(1701)
                    .right(1134)
                    .header(709)
                    .footer(567),
            )
            .add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1").size(40).bold())
            .header(
                Header::new().add_paragraph(
                    w.line(&self.header)
                        .add_run(Run::new().add_tab())
                        .add_page_num(PageNum::new())
                        .add_run(Run::new().add_text(" / "))
                        .add_num_pages(NumPages::new())
                        .align(AlignmentType::Right),
                ),
            )
            .footer(Footer::new().add_paragraph(w.line(&self.footer).size(24)));
        for p in w.cover(self) {
            docx = docx.add_paragraph(p);
        }
        docx = docx.add_paragraph(w.heading(&self.approval.heading)).add_table(w.approval(self));
        docx = docx.add_paragraph(w.heading(&self.history.heading)).add_table(w.table(
            &self.history.columns,
            self.history.rows.iter().map(|r| r.cells.clone()),
            BODY,
        ));
        docx = docx.add_paragraph(page_break()).add_table_of_contents(
            TableOfContents::new()
                .heading_styles_range(1, 1)
                .alias(&self.contents_heading)
                .add_before_paragraph(w.heading(&self.contents_heading))
                .dirty(),
        );
        docx = docx.add_paragraph(page_break());
        let mut number = 0;
        for section in &self.sections {
            number += 1;
            docx = w.section(docx, number, section);
        }
        number += 1;
        docx = docx.add_paragraph(w.heading(&format!("{number}. {}", self.workflow.heading)));
        docx = docx.add_table(w.workflow(self));
        for total in &self.workflow.totals {
            docx = docx.add_paragraph(w.line(total).bold());
        }
        for section in &self.closing {
            number += 1;
            docx = w.section(docx, number, section);
        }
        let mut bytes = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut bytes).map_err(|e| PdfError::Typeset(format!("DOCX: {e}")))?;
        Ok(bytes.into_inner())
    }
}

struct Writer<'a> {
    digits: &'a dyn Fn(&str) -> String,
}

impl Writer<'_> {
    fn run(&self, text: &str) -> Run {
        Run::new().add_text((self.digits)(text))
    }

    fn line(&self, text: &str) -> Paragraph {
        Paragraph::new().add_run(self.run(text))
    }

    fn heading(&self, text: &str) -> Paragraph {
        self.line(text).style("Heading1")
    }

    fn cover(&self, m: &WorkManual) -> Vec<Paragraph> {
        let c = &m.cover;
        let centered = |text: &str, size: usize, bold: bool| {
            let mut run = self.run(text).size(size);
            if bold {
                run = run.bold();
            }
            Paragraph::new().add_run(run).align(AlignmentType::Center)
        };
        let mut cover = vec![
            centered(&c.organization, 36, true),
            centered(&c.division, 32, false),
            centered("", 32, false),
            centered(&c.kicker, 48, true),
            centered(&c.title, 40, true),
        ];
        if !c.subtitle.is_empty() {
            cover.push(centered(&c.subtitle, 32, false));
        }
        if let Some(mark) = &m.watermark {
            cover.push(centered(mark, 40, true));
        }
        cover.push(centered("", 32, false));
        cover.extend(c.facts.iter().map(|(label, value)| centered(&format!("{label}: {value}"), 32, false)));
        cover.push(page_break());
        cover
    }

    fn approval(&self, m: &WorkManual) -> Table {
        let a = &m.approval;
        let cells = a
            .signers
            .iter()
            .map(|s| {
                let blank = "……………………………";
                let lines = [
                    s.duty.clone(),
                    String::new(),
                    format!("{} {blank}", a.sign_label),
                    format!("( {} )", if s.name.is_empty() { blank } else { &s.name }),
                    s.position.clone(),
                    format!("{} {}", a.date_label, if s.date.is_empty() { blank } else { &s.date }),
                ];
                lines.iter().fold(TableCell::new(), |cell, line| {
                    cell.add_paragraph(self.line(line).align(AlignmentType::Center))
                })
            })
            .collect();
        Table::without_borders(vec![TableRow::new(cells)])
    }

    /// A table with a bold header row and columns shared evenly, its text
    /// in `size` half-points.
    fn table(&self, columns: &[String], rows: impl Iterator<Item = Vec<String>>, size: usize) -> Table {
        let even = vec![1; columns.len()];
        self.table_in(columns, &even, rows, size)
    }

    /// A table whose columns take the text width in the proportions of
    /// `shares`, fixed so that Word and LibreOffice keep them.
    fn table_in(
        &self,
        columns: &[String],
        shares: &[usize],
        rows: impl Iterator<Item = Vec<String>>,
        size: usize,
    ) -> Table {
        let total: usize = shares.iter().sum::<usize>().max(1);
        let widths: Vec<usize> = shares.iter().map(|s| TEXT_WIDTH * s / total).collect();
        let row = |cells: &[String], bold: bool| {
            let cells = cells.iter().zip(&widths).map(|(text, width)| {
                let run = self.run(text).size(size);
                let run = if bold { run.bold() } else { run };
                TableCell::new().width(*width, WidthType::Dxa).add_paragraph(Paragraph::new().add_run(run))
            });
            TableRow::new(cells.collect())
        };
        let header = row(columns, true);
        let body = rows.map(|cells| row(&cells, false));
        Table::new(std::iter::once(header).chain(body).collect())
            .set_grid(widths.clone())
            .layout(TableLayoutType::Fixed)
            .width(TEXT_WIDTH, WidthType::Dxa)
    }

    fn section(&self, docx: Docx, number: usize, s: &Section) -> Docx {
        let mut docx = docx.add_paragraph(self.heading(&format!("{number}. {}", s.heading)));
        for p in &s.paragraphs {
            docx = docx.add_paragraph(self.line(p));
        }
        if let Some(pairs) = &s.pairs {
            let rows = pairs.rows.iter().map(|(a, b)| vec![a.clone(), b.clone()]);
            docx = docx.add_table(self.table(&pairs.columns, rows, BODY));
        }
        docx
    }

    fn workflow(&self, m: &WorkManual) -> Table {
        let legend = |symbol: Symbol| {
            m.workflow.legend.iter().find(|(s, _)| *s == symbol).map(|(_, meaning)| meaning.as_str())
        };
        let rows = m.workflow.rows.iter().map(|r| {
            let mut chart = match legend(r.symbol) {
                Some(kind) => format!("[{kind}] {}", r.label),
                None => r.label.clone(),
            };
            if !r.branches.is_empty() {
                chart = format!("{chart} ({})", r.branches);
            }
            vec![
                r.number.clone(),
                chart,
                r.detail.clone(),
                r.duration.clone(),
                r.responsible.clone(),
                r.standard.clone(),
                r.forms.clone(),
            ]
        });
        // Seven columns on a portrait page, in 12 pt: the number narrow, the
        // detail widest, as the printed SOP table shares them.
        self.table_in(&m.workflow.columns, &[6, 15, 25, 11, 14, 17, 12], rows, 24)
    }
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}
