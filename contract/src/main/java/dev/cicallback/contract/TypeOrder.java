package dev.cicallback.contract;

import java.util.Map;
import java.util.Set;

/**
 * Which of two sets of base types accepts more. XSD built-ins are named {@code xs:...} and ordered by derivation,
 * with every one narrower than {@code xs:string} (a reader on {@code xs:string} accepts any text, so any typed value);
 * JSON types are independent but for {@code integer}, which is narrower than {@code number}.
 */
public final class TypeOrder {

  /** How a new type set relates to an old one. */
  public enum Relation { SAME, NARROWER, WIDER, OTHER }

  private static final Map<String, String> PARENT = Map.ofEntries(
      Map.entry("xs:string", "xs:anySimpleType"),
      Map.entry("xs:normalizedString", "xs:string"),
      Map.entry("xs:token", "xs:normalizedString"),
      Map.entry("xs:language", "xs:token"),
      Map.entry("xs:NMTOKEN", "xs:token"),
      Map.entry("xs:Name", "xs:token"),
      Map.entry("xs:NCName", "xs:Name"),
      Map.entry("xs:ID", "xs:NCName"),
      Map.entry("xs:IDREF", "xs:NCName"),
      Map.entry("xs:ENTITY", "xs:NCName"),
      Map.entry("xs:decimal", "xs:string"),
      Map.entry("xs:integer", "xs:decimal"),
      Map.entry("xs:nonPositiveInteger", "xs:integer"),
      Map.entry("xs:negativeInteger", "xs:nonPositiveInteger"),
      Map.entry("xs:long", "xs:integer"),
      Map.entry("xs:int", "xs:long"),
      Map.entry("xs:short", "xs:int"),
      Map.entry("xs:byte", "xs:short"),
      Map.entry("xs:nonNegativeInteger", "xs:integer"),
      Map.entry("xs:unsignedLong", "xs:nonNegativeInteger"),
      Map.entry("xs:unsignedInt", "xs:unsignedLong"),
      Map.entry("xs:unsignedShort", "xs:unsignedInt"),
      Map.entry("xs:unsignedByte", "xs:unsignedShort"),
      Map.entry("xs:positiveInteger", "xs:nonNegativeInteger"),
      Map.entry("xs:boolean", "xs:string"),
      Map.entry("xs:float", "xs:string"),
      Map.entry("xs:double", "xs:string"),
      Map.entry("xs:duration", "xs:string"),
      Map.entry("xs:dateTime", "xs:string"),
      Map.entry("xs:date", "xs:string"),
      Map.entry("xs:time", "xs:string"),
      Map.entry("xs:gYear", "xs:string"),
      Map.entry("xs:gYearMonth", "xs:string"),
      Map.entry("xs:gMonth", "xs:string"),
      Map.entry("xs:gMonthDay", "xs:string"),
      Map.entry("xs:gDay", "xs:string"),
      Map.entry("xs:anyURI", "xs:string"),
      Map.entry("xs:base64Binary", "xs:string"),
      Map.entry("xs:hexBinary", "xs:string"),
      Map.entry("xs:QName", "xs:string"),
      Map.entry("integer", "number"));

  private TypeOrder() {}

  /** Whether the XSD built-in {@code name} ({@code xs:...}) is one this order knows. */
  static boolean knowsXsd(String name) {
    return PARENT.containsKey(name) || name.equals("xs:anySimpleType");
  }

  /** How {@code newTypes} relates to {@code oldTypes}. */
  public static Relation relate(Set<String> oldTypes, Set<String> newTypes) {
    boolean newCoversOld = covers(newTypes, oldTypes);
    boolean oldCoversNew = covers(oldTypes, newTypes);
    if (newCoversOld && oldCoversNew) {
      return Relation.SAME;
    }
    if (newCoversOld) {
      return Relation.WIDER;
    }
    return oldCoversNew ? Relation.NARROWER : Relation.OTHER;
  }

  /** Whether every type of {@code narrow} is one of {@code wide} or derived from one. */
  private static boolean covers(Set<String> wide, Set<String> narrow) {
    for (String type : narrow) {
      boolean covered = false;
      for (String t = type; t != null && !covered; t = PARENT.get(t)) {
        covered = wide.contains(t);
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }
}
