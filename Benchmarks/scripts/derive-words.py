#!/usr/bin/env python3
"""Derive the generator's word list and simplified→traditional table from PyPI packages.

Writes Benchmarks/data/words.tsv (the top 50,000 all-Chinese words of jieba 0.42.1's
dict.txt by frequency: word, count, part of speech) and Benchmarks/data/traditional.tsv
(simplified character → traditional character, from hanziconv 0.3.2's character map,
only for characters that occur in the word list). Only these derived lists are committed;
the packages are downloaded to a temporary folder with `pip download` and deleted.

Usage: python3 Benchmarks/scripts/derive-words.py [--top 50000]
"""
import argparse, io, os, re, subprocess, sys, tarfile, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
# Simplified characters that stand for several traditional ones (表: 表/錶, 干: 乾/幹/干, 后: 后/後, …):
# a one-to-one map gets them wrong in most words, so the generator leaves them as they are.
AMBIGUOUS = set("表面干后里只台系云余准冲历卷复尽斗松钟丑谷范适征舍朴伙制致板才几划向借克困了么蒙弥千秋曲沈胜术涂"
                "吁御郁愿岳折症筑注咸须旋姜夸扑仆占吃出回汇伙获极家杰借据卷夸困腊累里帘怜了霉蔑蒙弥面蔑宁凄启签"
                "纤秋曲确洒舍沈胜松苏台坛涂团洼系咸向须旋恤佣游余御愿云扎沾折征症只致制钟朱筑准")
CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")


def sdist_member(tmp, spec, suffix):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    "-q", "-d", tmp, spec], check=True)
    name = spec.split("==")[0]
    archive = next(f for f in os.listdir(tmp) if f.startswith(name) and f.endswith(".tar.gz"))
    with tarfile.open(os.path.join(tmp, archive)) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(suffix))
        return tar.extractfile(member).read().decode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=50000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        jieba_dict = sdist_member(tmp, "jieba==0.42.1", "jieba/dict.txt")
        charmap_src = sdist_member(tmp, "hanziconv==0.3.2", "hanziconv/charmap.py")

    rows = []
    for line in jieba_dict.splitlines():
        parts = line.split(" ")
        if len(parts) < 2 or not CJK.match(parts[0]) or len(parts[0]) > 8:
            continue
        rows.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else "x"))
    rows.sort(key=lambda r: (-r[1], r[0]))
    rows = rows[: args.top]
    with open(os.path.join(DATA, "words.tsv"), "w", encoding="utf-8") as out:
        out.write("# word\tcount\tpos -- top %d all-Chinese words of jieba 0.42.1 dict.txt (MIT), "
                  "by count; made by Benchmarks/scripts/derive-words.py\n" % len(rows))
        for word, count, pos in rows:
            out.write("%s\t%d\t%s\n" % (word, count, pos))

    namespace = {}
    exec(compile(charmap_src, "charmap.py", "exec"), namespace)
    simplified, traditional = namespace["simplified_charmap"], namespace["traditional_charmap"]
    assert len(simplified) == len(traditional)
    used = set("".join(r[0] for r in rows))
    pairs = {}
    for s, t in zip(simplified, traditional):
        if s != t and s in used and s not in AMBIGUOUS and CJK.match(s) and CJK.match(t) and s not in pairs:
            pairs[s] = t
    with open(os.path.join(DATA, "traditional.tsv"), "w", encoding="utf-8") as out:
        out.write("# simplified\ttraditional -- from hanziconv 0.3.2 charmap (Apache-2.0), characters of "
                  "words.tsv only; made by Benchmarks/scripts/derive-words.py\n")
        for s in sorted(pairs):
            out.write("%s\t%s\n" % (s, pairs[s]))
    print("words: %d, traditional pairs: %d" % (len(rows), len(pairs)))


if __name__ == "__main__":
    main()
