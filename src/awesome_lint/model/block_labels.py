"""Translated format blocks: a block's words in another language, mapped to the fields they name.

A block that starts with ``biçim:``, ``格式:`` or ``formato:`` (any keyword but ``format``)
names its fields in its own language: ``- anahtar kelime``, ``- 关键词``, ``- código``. When the
main list it translates has a block with as many fields (its blocks taken in order), each
field is the main block's field at the same position: the same kind, positional or labelled,
required or not; its own words come first among the accepted labels, then the main block's
(``Anahtar Kelime:`` and ``Keyword:`` both name the keyword). Without such a block, the words
go through a small table of field names in other languages; words it does not know stay a
field of their own, as in any block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from awesome_lint.model.document import Document
from awesome_lint.model.schema import KINDS, FieldSpec, Schema, format_keyword

# Field names in other languages, by kind: a block's words containing one name that field.
_LOCAL_NAMES: Mapping[str, tuple[str, ...]] = {
    "authors": ("yazar", "作者", "autor", "auteur", "著者", "저자", "автор", "tác giả"),
    "publisher": (
        *("yayımcı", "yayıncı", "yayın", "发表", "會議", "会议", "期刊", "出版", "来源"),
        *("editorial", "conferencia", "revista", "publicación", "conférence", "学会"),
        *("학회", "издатель", "конференция", "hội nghị"),
    ),
    "year": ("yıl", "年份", "año", "année", "年度", "год", "năm"),
    "keyword": (
        *("anahtar kelime", "anahtar sözcük", "关键词", "关键字", "關鍵詞", "關鍵字"),
        *("palabra clave", "palabras clave", "palavra-chave", "mot-clé", "mots-clés"),
        *("キーワード", "키워드", "ключевые слова", "từ khóa", "标签", "タグ"),
    ),
    "code": ("kod", "代码", "代碼", "源码", "código", "コード", "코드", "код", "mã nguồn"),
    "environment": (
        *("veri kümesi", "veri kümeleri", "veri seti", "ortam", "görev", "数据集", "數據集"),
        *("环境", "環境", "任务", "任務", "conjunto de datos", "datos", "entorno", "tarea"),
        *("データセット", "タスク", "데이터셋", "환경", "набор данных", "среда", "задача"),
        *("tập dữ liệu", "môi trường", "dados", "jeu de données"),
    ),
    "summary": (
        "özet",
        "摘要",
        "总结",
        "概述",
        "简介",
        "resumen",
        "要約",
        "概要",
        "요약",
        "tóm tắt",
    ),
}
# Where one alternative of a compound item ends: "deney ortamları ve veri kümeleri", "代码或项目".
_ALTERNATIVES = re.compile(
    r"\s*(?:[,，、/|]|\s(?:or|and|ve|veya|ya da|y|o|e|ou|et|und|oder|и|или|hoặc|và)\s"
    r"|或|和|及|または|および)\s*"
)
_OPTIONAL = re.compile(r"[(（]?\s*(?:optional|isteğe bağlı|可选|可選|opcional|任意)\s*[)）]?")


def is_translated(document: Document, schema: Schema) -> bool:
    """Whether the block's keyword is another language's (``biçim:``), not ``format:``."""
    for line in range(schema.block_line, min(schema.block_end_line, document.line_count)):
        keyword = format_keyword(document.line(line))
        if keyword is not None:
            return keyword.casefold() != "format"
    return False


def localise(
    document: Document,
    schemas: Sequence[Schema],
    main: Callable[[], Sequence[Schema]],
    *,
    required: Sequence[str],
    labels: Mapping[str, Sequence[str]],
) -> tuple[Schema, ...]:
    """The schemas, each translated block's fields mapped to the fields they name.

    ``main`` gives the main list's blocks; it is called only when a block is translated.
    """
    translated = [is_translated(document, s) for s in schemas]
    if not any(translated):
        return tuple(schemas)
    main_blocks = [s for s in main() if s.fields]
    out = []
    at = 0  # main blocks are paired in order: the next one with as many fields
    for schema, foreign in zip(schemas, translated, strict=True):
        if not foreign:
            out.append(schema)
            continue
        pair = next(
            (i for i in range(at, len(main_blocks)) if _same_shape(schema, main_blocks[i])), None
        )
        if pair is not None:
            at = pair + 1
            fields = tuple(
                _as_main(own, theirs)
                for own, theirs in zip(schema.fields, main_blocks[pair].fields, strict=True)
            )
        else:
            fields = _by_table(schema.fields, required, labels)
        out.append(schema._replace(fields=fields))
    return tuple(out)


def _same_shape(schema: Schema, main: Schema) -> bool:
    return len(schema.fields) == len(main.fields) and schema.title_is_link == main.title_is_link


def own_labels(description: str) -> list[str]:
    """A translated block item's own words as labels: ``Deney Ortamları``, ``Veri Kümeleri``."""
    text = _OPTIONAL.sub("", description).strip().rstrip(".:：").strip()
    found = []
    for part in _ALTERNATIVES.split(text):
        part = part.strip()
        if part and "..." not in part and not any(ch.isdigit() for ch in part):
            found.append(" ".join(w[:1].upper() + w[1:] for w in part.split()))
    return found


def _as_main(own: FieldSpec, theirs: FieldSpec) -> FieldSpec:
    if own.html or theirs.html:
        return own
    accepted = tuple(dict.fromkeys([*own_labels(own.description), *theirs.labels]))
    return own._replace(
        kind=theirs.kind,
        positional=theirs.positional,
        required=theirs.required and not own.optional,
        labels=accepted or theirs.labels,
        key=theirs.key,
        optional=own.optional or theirs.optional,
    )


def _by_table(
    fields: Sequence[FieldSpec], required: Sequence[str], labels: Mapping[str, Sequence[str]]
) -> tuple[FieldSpec, ...]:
    out = []
    taken: set[str] = set()
    for spec in fields:
        kind = None if spec.html or spec.kind in KINDS else _local_kind(spec.description)
        if kind is None:
            out.append(spec)
            taken.add(spec.key)
            continue
        optional = spec.optional or bool(_OPTIONAL.search(spec.description))
        accepted = [*own_labels(spec.description), *labels.get(kind, KINDS[kind].labels)]
        key = kind if kind not in taken else spec.key
        taken.add(key)
        out.append(
            spec._replace(
                kind=kind,
                positional=KINDS[kind].positional,
                required=kind in required and not optional,
                labels=tuple(dict.fromkeys(accepted)),
                key=key,
                optional=optional,
            )
        )
    return tuple(out)


def _local_kind(description: str) -> str | None:
    """The kind the longest field name in ``description`` belongs to, if any."""
    text = description.casefold()
    best: tuple[int, str] | None = None
    for kind, names in _LOCAL_NAMES.items():
        for name in names:
            if name in text and (best is None or len(name) > best[0]):
                best = (len(name), kind)
    return best[1] if best else None
