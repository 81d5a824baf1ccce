package org.sanshe.bot.wecom.translate;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sanshe.bot.wecom.callback.BadCallbackException;

/**
 * Reads WeCom's flat XML (an {@code <xml>} root with simple children, and a few lists such as
 * {@code <MemChangeList><Item>…</Item></MemChangeList>}) with StAX. Any DOCTYPE is refused before it is processed, so
 * no external entity is ever fetched and no entity is expanded (XXE, billion laughs). Depth and size are bounded.
 */
public final class SafeXml {
    private static final int MAX_DEPTH = 6;
    private static final int MAX_ELEMENTS = 512;
    private static final XMLInputFactory FACTORY = newFactory();

    /** The fields of one WeCom XML document: root children by name, and the items of list elements. */
    public record Fields(Map<String, String> values, Map<String, List<String>> lists) {
        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
        }

        public String require(String name) {
            return get(name).orElseThrow(() -> new BadCallbackException("missing field " + name));
        }

        public List<String> list(String name) {
            return lists.getOrDefault(name, List.of());
        }
    }

    private SafeXml() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    public static Fields parse(String xml) {
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            int elements = 0;
            String field = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int e = r.next();
                switch (e) {
                    case XMLStreamConstants.DTD,
                            XMLStreamConstants.ENTITY_REFERENCE,
                            XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new BadCallbackException("DOCTYPE or entity refused");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > MAX_DEPTH || ++elements > MAX_ELEMENTS) {
                            throw new BadCallbackException("XML too deep or too large");
                        }
                        if (depth == 2) {
                            field = r.getLocalName();
                        }
                        text.setLength(0);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2 && field != null) {
                            values.putIfAbsent(field, text.toString().strip());
                        } else if (depth == 3 && field != null) {
                            lists.computeIfAbsent(field, k -> new ArrayList<>())
                                    .add(text.toString().strip());
                        }
                        text.setLength(0);
                        depth--;
                    }
                    default -> {
                        // comments and processing instructions carry nothing for us
                    }
                }
            }
            if (elements == 0) {
                throw new BadCallbackException("no XML root");
            }
            return new Fields(values, lists);
        } catch (XMLStreamException | RuntimeException ex) {
            if (ex instanceof BadCallbackException bad) {
                throw bad;
            }
            throw new BadCallbackException("not well-formed XML");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }
}
