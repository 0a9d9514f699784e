package vn.motcua.report.scope.service;

/**
 * A unit of the reporting hierarchy as the unit feed (or, before it, a dossier's unit_path) made it known.
 *
 * @param level  common.v1.UnitLevel number; 0 when known only from a dossier's unit_path
 * @param parent null for a root
 * @param depth  depth below the subtree root asked for (0 for the root itself)
 */
public record UnitNode(String code, String name, int level, String parent, int depth) {}
