"""Translated format blocks: a block's words in another language, mapped to the fields they name.

A block that starts with ``biçim:``, ``格式:`` or ``formato:`` (any keyword but ``format``)
names its fields in its own language: ``- anahtar kelime``, ``- 关键词``, ``- código``. When the
main list it translates has a block with as many fields (its blocks taken in order), each
field is the main block's field at the same position: the same kind, positional or labelled,
required or not. Its own words come first among the accepted labels, then the main block's,
then the field's other names in the keyword's language (in ``tr``: ``Anahtar Kelime:``,
``Keyword:`` and ``Anahtar Sözcük:`` all name the keyword). Without such a block, the words go
through a small table of field names by language (the keyword's first); words it does not
know stay a field of their own, as in any block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from awesome_lint.model.document import Document
from awesome_lint.model.schema import KINDS, FieldSpec, Schema, format_keyword

# Field names by language and kind: a block's words containing one name that field.
_NAMES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "tr": {
        "authors": ("yazar",),
        "publisher": ("yayımcı", "yayıncı", "yayın"),
        "year": ("yıl",),
        "keyword": ("anahtar kelime", "anahtar sözcük", "etiket"),
        "code": ("kod",),
        "environment": ("veri kümesi", "veri kümeleri", "veri seti", "ortam", "görev"),
        "summary": ("özet",),
    },
    "zh": {
        "authors": ("作者",),
        "publisher": ("发表", "会议", "會議", "期刊", "出版", "来源"),
        "year": ("年份",),
        "keyword": ("关键词", "关键字", "關鍵詞", "關鍵字", "标签"),
        "code": ("代码", "代碼", "源码"),
        "environment": ("数据集", "數據集", "环境", "環境", "任务", "任務"),
        "summary": ("摘要", "总结", "概述", "简介"),
    },
    "ja": {
        "authors": ("著者",),
        "publisher": ("学会", "出版"),
        "keyword": ("キーワード", "タグ"),
        "code": ("コード",),
        "environment": ("データセット", "環境", "タスク"),
        "summary": ("要約", "概要"),
    },
    "ko": {
        "authors": ("저자",),
        "publisher": ("학회",),
        "keyword": ("키워드",),
        "code": ("코드",),
        "environment": ("데이터셋", "환경", "작업"),
        "summary": ("요약",),
    },
    "ru": {
        "authors": ("автор",),
        "publisher": ("издатель", "конференция"),
        "year": ("год",),
        "keyword": ("ключевые слова",),
        "code": ("код",),
        "environment": ("набор данных", "среда", "задача"),
        "summary": ("аннотация",),
    },
    "es": {
        "authors": ("autor",),
        "publisher": ("editorial", "conferencia", "revista", "publicación"),
        "year": ("año",),
        "keyword": ("palabra clave", "palabras clave"),
        "code": ("código",),
        "environment": ("conjunto de datos", "datos", "entorno", "tarea"),
        "summary": ("resumen",),
    },
    "pt": {
        "authors": ("autor",),
        "publisher": ("conferência", "revista", "publicação"),
        "keyword": ("palavra-chave", "palavras-chave"),
        "code": ("código",),
        "environment": ("conjunto de dados", "dados", "ambiente", "tarefa"),
        "summary": ("resumo",),
    },
    "vi": {
        "authors": ("tác giả",),
        "publisher": ("hội nghị",),
        "year": ("năm",),
        "keyword": ("từ khóa",),
        "code": ("mã nguồn",),
        "environment": ("tập dữ liệu", "môi trường"),
        "summary": ("tóm tắt",),
    },
}
# The languages a block's keyword is written in; a keyword not here may be any of them.
_KEYWORD_LANGUAGES: Mapping[str, tuple[str, ...]] = {
    **dict.fromkeys(("biçim", "biçimi", "formatı"), ("tr",)),
    **dict.fromkeys(("格式",), ("zh",)),
    **dict.fromkeys(("形式", "書式", "フォーマット"), ("ja",)),
    **dict.fromkeys(("형식", "서식"), ("ko",)),
    **dict.fromkeys(("формат",), ("ru",)),
    **dict.fromkeys(("formato",), ("es", "pt")),
    **dict.fromkeys(("định dạng",), ("vi",)),
}
# Where one alternative of a compound item ends: "deney ortamları ve veri kümeleri", "代码或项目".
_ALTERNATIVES = re.compile(
    r"(?<!\s)\s*(?:[,，、/|]|\s(?:or|and|ve|veya|ya da|y|o|e|ou|et|und|oder|и|или|hoặc|và)\s"
    r"|或|和|及|または|および)\s*"
)
_OPTIONAL = re.compile(
    r"[(（]?[ \t]{0,3}(?:optional|isteğe bağlı|可选|可選|opcional|任意)[ \t]{0,3}[)）]?"
)


def block_keyword(document: Document, schema: Schema) -> str | None:
    """The block's keyword as written (``format``, ``biçim``)."""
    for line in range(schema.block_line, min(schema.block_end_line, document.line_count)):
        keyword = format_keyword(document.line(line))
        if keyword is not None:
            return keyword
    return None


def is_translated(document: Document, schema: Schema) -> bool:
    """Whether the block's keyword is another language's (``biçim:``), not ``format:``."""
    keyword = block_keyword(document, schema)
    return keyword is not None and keyword.casefold() != "format"


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
        languages = _KEYWORD_LANGUAGES.get((block_keyword(document, schema) or "").casefold(), ())
        if pair is not None:
            at = pair + 1
            fields = tuple(
                _as_main(own, theirs, languages)
                for own, theirs in zip(schema.fields, main_blocks[pair].fields, strict=True)
            )
        else:
            fields = _by_table(schema.fields, languages, required, labels)
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
            found.append(_capitalised(part))
    return found


def _as_main(own: FieldSpec, theirs: FieldSpec, languages: Sequence[str]) -> FieldSpec:
    if own.html or theirs.html:
        return own
    accepted = tuple(
        dict.fromkeys(
            [*own_labels(own.description), *theirs.labels, *_local_labels(theirs.kind, languages)]
        )
    )
    return own._replace(
        kind=theirs.kind,
        positional=theirs.positional,
        required=theirs.required and not own.optional,
        labels=accepted or theirs.labels,
        key=theirs.key,
        optional=own.optional or theirs.optional,
    )


def _by_table(
    fields: Sequence[FieldSpec],
    languages: Sequence[str],
    required: Sequence[str],
    labels: Mapping[str, Sequence[str]],
) -> tuple[FieldSpec, ...]:
    out = []
    taken: set[str] = set()
    for spec in fields:
        kind = None if spec.html or spec.kind in KINDS else _local_kind(spec.description, languages)
        if kind is None:
            out.append(spec)
            taken.add(spec.key)
            continue
        optional = spec.optional or bool(_OPTIONAL.search(spec.description))
        accepted = [
            *own_labels(spec.description),
            *labels.get(kind, KINDS[kind].labels),
            *_local_labels(kind, languages),
        ]
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


def _local_labels(kind: str, languages: Sequence[str]) -> list[str]:
    """The kind's names in the block's languages as labels: ``Anahtar Sözcük`` for ``tr``."""
    return [_capitalised(name) for lang in languages for name in _NAMES[lang].get(kind, ())]


def _capitalised(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def _local_kind(description: str, languages: Sequence[str]) -> str | None:
    """The kind the longest name in ``description`` belongs to: the block's languages first."""
    text = description.casefold()
    for group in (languages, tuple(_NAMES)):
        best: tuple[int, str] | None = None
        for lang in group:
            for kind, names in _NAMES[lang].items():
                for name in names:
                    if name in text and (best is None or len(name) > best[0]):
                        best = (len(name), kind)
        if best is not None:
            return best[1]
    return None
