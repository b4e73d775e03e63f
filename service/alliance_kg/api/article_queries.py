"""The SPARQL behind /articles. Values are bound with `substitutions`, never pasted; the
list query is assembled from fixed fragments (the filters asked for, a validated LIMIT)."""

from __future__ import annotations

from alliance_kg import iris

_PROLOGUE = f"PREFIX ak: <{iris.AK}>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
LIST = (
    _PROLOGUE
    + """
SELECT ?article ?title ?publisher ?published (COUNT(DISTINCT ?event) AS ?events) {bound}
WHERE {{
  ?article a ak:Article .
  OPTIONAL {{ ?article dcterms:title ?title }}
  OPTIONAL {{ ?article dcterms:publisher ?publisher }}
  OPTIONAL {{ ?article dcterms:issued ?published }}
  OPTIONAL {{ ?event ak:reportedIn ?article }}
  {filters}
}}
GROUP BY ?article ?title ?publisher ?published {bound}
ORDER BY DESC(?published) ?article
LIMIT {limit:d} OFFSET {offset:d}
"""
)
# filter name -> (the variable its value is bound to, the FILTER that uses it)
LIST_FILTERS = {
    "publisher": ("publisherWanted", "FILTER(STR(?publisher) = ?publisherWanted)"),
    "published_from": ("publishedFrom", "FILTER(?published >= ?publishedFrom)"),
    "published_to": ("publishedTo", "FILTER(?published <= ?publishedTo)"),
}
METADATA = (
    _PROLOGUE
    + """
SELECT ?article ?title ?publisher ?published ?url ?text WHERE {
  ?article a ak:Article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:publisher ?publisher }
  OPTIONAL { ?article dcterms:issued ?published }
  OPTIONAL { ?article dcterms:source ?url }
  OPTIONAL { ?article ak:text ?text }
} LIMIT 1
"""
)
EVENTS = (
    _PROLOGUE
    + """
SELECT ?article ?graph ?event ?type ?status ?negated WHERE {
  GRAPH ?graph {
    { ?event ak:reportedIn ?article } UNION { ?event ak:negatedIn ?article BIND(true AS ?negated) }
    ?event a ?type .
    OPTIONAL { ?event ak:status ?status }
  }
} ORDER BY ?event ?type
"""
)
MENTIONS = (
    _PROLOGUE
    + """
SELECT ?article ?graph ?event ?text ?start ?end ?status ?cue ?attribution WHERE {
  GRAPH ?graph {
    ?event ak:evidence ?mention .
    ?mention ak:inArticle ?article ; ak:text ?text ; ak:start ?start ; ak:end ?end .
    OPTIONAL { ?mention ak:status ?status }
    OPTIONAL { ?mention ak:statusCue ?cue }
    OPTIONAL { ?mention ak:attribution ?attribution }
  }
} ORDER BY ?start ?end
"""
)
