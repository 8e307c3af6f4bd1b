package org.earlyhelp.board.ui;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.earlyhelp.board.Commentary;
import org.earlyhelp.shared.ui.SvgLineChart.Line;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The board pack as a PDF (OpenPDF): the same sections, headlines, commentary, tables and trends as
 * the page, from the same {@link PackTables}, on A4 pages. Charts are drawn as vector lines.
 */
final class BoardPackPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL);
    private static final Font HEAD_CELL = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final float CHART_WIDTH = 480;
    private static final float CHART_HEIGHT = 120;

    private BoardPackPdf() {}

    /**
     * @param title the pack's title, e.g. "Performance board pack: North hub, November 2026"
     * @param commentary each section's commentary, or null where none was written
     */
    static byte[] write(
            String title,
            String intro,
            List<PackTables.Table> tables,
            Function<PackTables.Table, @Nullable Commentary> commentary,
            String commentaryLabel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            BaseFont axisFont = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
            document.addTitle(title);
            document.addCreator("Early Help");
            document.open();
            document.add(new Paragraph(title, TITLE));
            Paragraph lead = new Paragraph(intro, BODY);
            lead.setSpacingAfter(8);
            document.add(lead);
            for (PackTables.Table table : tables) {
                Paragraph heading = new Paragraph(table.title(), HEADING);
                heading.setSpacingBefore(10);
                document.add(heading);
                document.add(new Paragraph(table.headline(), BODY));
                Commentary said = commentary.apply(table);
                if (said != null && !said.text().isBlank()) {
                    Paragraph c = new Paragraph(commentaryLabel + ": " + said.text(), BODY);
                    c.setSpacingBefore(4);
                    document.add(c);
                }
                if (!table.lines().isEmpty()) {
                    Image chart = Image.getInstance(chart(writer, axisFont, table.labels(), table.lines()));
                    chart.setAlignment(Element.ALIGN_LEFT);
                    document.add(chart);
                    document.add(new Paragraph(legend(table.lines()), SMALL));
                }
                if (!table.rows().isEmpty()) {
                    document.add(grid(table.headers(), table.rows()));
                }
                if (table.extra() != null && !table.extra().rows().isEmpty()) {
                    document.add(new Paragraph(table.extra().title(), BODY));
                    document.add(grid(table.extra().headers(), table.extra().rows()));
                }
                document.add(new Paragraph(table.note(), SMALL));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not write the board pack's PDF", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String legend(List<Line> lines) {
        StringBuilder s = new StringBuilder();
        for (Line line : lines) {
            if (!s.isEmpty()) {
                s.append("   ");
            }
            s.append(line.dashed() ? "- - " : "—— ").append(line.name());
        }
        return s.toString();
    }

    private static PdfPTable grid(List<String> headers, List<List<String>> rows) {
        PdfPTable grid = new PdfPTable(headers.size());
        grid.setWidthPercentage(100);
        grid.setHeaderRows(1);
        grid.setSpacingBefore(4);
        grid.setSpacingAfter(4);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, HEAD_CELL));
            cell.setBackgroundColor(new Color(0xEE, 0xF1, 0xF6));
            grid.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                grid.addCell(new PdfPCell(new Phrase(value, SMALL)));
            }
        }
        return grid;
    }

    /** The lines over the months, from zero to the highest value, with the first and last months named. */
    private static PdfTemplate chart(PdfWriter writer, BaseFont font, List<String> labels, List<Line> lines)
            throws DocumentException {
        PdfTemplate t = PdfTemplate.createTemplate(writer, CHART_WIDTH, CHART_HEIGHT);
        float left = 36;
        float bottom = 16;
        float width = CHART_WIDTH - left - 8;
        float height = CHART_HEIGHT - bottom - 8;
        double high = 0;
        for (Line line : lines) {
            for (Double v : line.values()) {
                if (v != null) {
                    high = Math.max(high, v);
                }
            }
        }
        if (high == 0) {
            high = 1;
        }
        t.setColorStroke(new Color(0x60, 0x60, 0x60));
        t.setLineWidth(0.5f);
        t.moveTo(left, bottom);
        t.lineTo(left + width, bottom);
        t.moveTo(left, bottom);
        t.lineTo(left, bottom + height);
        t.stroke();
        t.beginText();
        t.setFontAndSize(font, 7);
        t.setColorFill(Color.BLACK);
        t.showTextAligned(Element.ALIGN_RIGHT, format(high), left - 3, bottom + height - 3, 0);
        t.showTextAligned(Element.ALIGN_RIGHT, "0", left - 3, bottom - 2, 0);
        if (!labels.isEmpty()) {
            t.showTextAligned(Element.ALIGN_LEFT, labels.getFirst(), left, 3, 0);
            t.showTextAligned(Element.ALIGN_RIGHT, labels.getLast(), left + width, 3, 0);
        }
        t.endText();
        int n = labels.size();
        for (Line line : lines) {
            t.setColorStroke(Color.decode(line.colour()));
            t.setLineWidth(1.5f);
            if (line.dashed()) {
                t.setLineDash(4, 3, 0);
            } else {
                t.setLineDash(0);
            }
            boolean drawing = false;
            for (int i = 0; i < n; i++) {
                Double v = line.values().get(i);
                if (v == null) {
                    drawing = false;
                    continue;
                }
                float x = left + (n == 1 ? width / 2 : width * i / (n - 1));
                float y = bottom + (float) (height * v / high);
                if (drawing) {
                    t.lineTo(x, y);
                } else {
                    t.moveTo(x, y);
                    drawing = true;
                }
            }
            t.stroke();
        }
        t.setLineDash(0);
        return t;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.UK, "%.1f", value);
    }
}
