package org.djx.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** An SVG document as tests read it: its size, and its text elements by the group they are in. */
public final class SvgFile {
    private static final FontRenderContext METRICS = new FontRenderContext(null, true, true);

    /** One {@code <text>} element: what it says, where its anchor is, and how it is aligned. */
    public record Text(String content, double x, double y, double fontSize, String anchor, boolean bold, boolean vertical) {
        /** Returns how wide the text is in the sans-serif font the PNG is drawn with. */
        public double width() {
            Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) fontSize);
            return font.getStringBounds(content, METRICS).getWidth();
        }

        public double left() {
            return "middle".equals(anchor) ? x - width() / 2 : "end".equals(anchor) ? x - width() : x;
        }

        public double right() {
            return left() + width();
        }

        /** Returns whether the whole text (turned, when it reads bottom to top) lies inside {@code width} by {@code height}. */
        public boolean inside(double imageWidth, double imageHeight) {
            // Measured from the anchor along the text; across it, an ascent of a font size and a descent of a quarter.
            double along0 = "middle".equals(anchor) ? -width() / 2 : "end".equals(anchor) ? -width() : 0;
            double along1 = along0 + width();
            if (vertical) {
                return x - fontSize >= 0 && x + fontSize / 4 <= imageWidth && y - along1 >= 0 && y - along0 <= imageHeight;
            }
            return x + along0 >= 0 && x + along1 <= imageWidth && y - fontSize >= 0 && y + fontSize / 4 <= imageHeight;
        }
    }

    private final Document document;

    private SvgFile(Document document) {
        this.document = document;
    }

    public static SvgFile parse(byte[] svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A DOCTYPE naming the W3C's DTD must not send the parser to the network.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new SvgFile(factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public double width() {
        return Double.parseDouble(document.getDocumentElement().getAttribute("width").replace("px", ""));
    }

    public double height() {
        return Double.parseDouble(document.getDocumentElement().getAttribute("height").replace("px", ""));
    }

    /** Returns every text element of the document, in document order. */
    public List<Text> texts() {
        return texts(document.getDocumentElement());
    }

    /** Returns the text elements inside the groups of class {@code groupClass}, in document order. */
    public List<Text> texts(String groupClass) {
        List<Text> out = new ArrayList<>();
        for (Element g : groups(groupClass)) {
            out.addAll(texts(g));
        }
        return out;
    }

    /** Returns the groups ({@code <g>}) of class {@code groupClass}, in document order. */
    public List<Element> groups(String groupClass) {
        return groups(document.getDocumentElement(), groupClass);
    }

    /** Returns the groups of class {@code groupClass} inside {@code root}, in document order. */
    public static List<Element> groups(Element root, String groupClass) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagName("g");
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if (List.of(g.getAttribute("class").split(" ")).contains(groupClass)) {
                out.add(g);
            }
        }
        return out;
    }

    /** Returns the elements named {@code tag} inside {@code root}, in document order. */
    public static List<Element> elements(Element root, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    public static List<Text> texts(Element root) {
        List<Text> out = new ArrayList<>();
        NodeList all = root.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            Element t = (Element) all.item(i);
            out.add(new Text(t.getTextContent(), number(t, "x"), number(t, "y"), number(t, "font-size"),
                    t.getAttribute("text-anchor").isEmpty() ? "start" : t.getAttribute("text-anchor"),
                    "bold".equals(t.getAttribute("font-weight")), t.getAttribute("transform").startsWith("rotate(-90")));
        }
        return out;
    }

    /** Asserts that every text lies inside the image and that no two legend entries of a row overlap. */
    public void assertReadable() {
        for (Text t : texts()) {
            assertThat(t.inside(width(), height())).as("'%s' at (%s, %s) inside %s x %s", t.content(), t.x(), t.y(), width(), height())
                    .isTrue();
        }
        List<Text> legend = texts("legend");
        for (int i = 1; i < legend.size(); i++) {
            Text before = legend.get(i - 1);
            Text after = legend.get(i);
            if (before.y() == after.y()) {
                assertThat(after.left()).as("'%s' clear of '%s'", after.content(), before.content()).isGreaterThan(before.right());
            }
        }
    }

    /** Returns how many elements named {@code tag} the document has. */
    public int count(String tag) {
        return document.getElementsByTagName(tag).getLength();
    }

    private static double number(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        return v.isEmpty() ? 0 : Double.parseDouble(v);
    }
}
