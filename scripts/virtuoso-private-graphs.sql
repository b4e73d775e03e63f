-- Make Virtuoso's own graphs (virtrdf#, ldp#, its service description) private, so that
-- anonymous SPARQL queries (alliance-kg's AKG_SPARQL_QUERY_URL) no longer see them in the
-- union default graph. Run it once on a fresh database, before anything is loaded:
--     isql-vt 127.0.0.1:1111 dba PASSWORD scripts/virtuoso-private-graphs.sql
-- Every graph that exists at that moment becomes private.
DB.DBA.RDF_GRAPH_GROUP_CREATE ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 1);
CREATE PROCEDURE DB.DBA.AKG_MAKE_SYSTEM_GRAPHS_PRIVATE ()
{
  FOR (SPARQL SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }) DO
    DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', id_to_iri ("g"));
};
DB.DBA.AKG_MAKE_SYSTEM_GRAPHS_PRIVATE ();
DROP PROCEDURE DB.DBA.AKG_MAKE_SYSTEM_GRAPHS_PRIVATE;
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);
