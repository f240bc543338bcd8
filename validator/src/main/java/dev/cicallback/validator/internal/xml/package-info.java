/**
 * Not API. The XML form: hardened parsers ({@link dev.cicallback.validator.internal.xml.HardenedXml}), the quick pass
 * with the XSD inside the parser, the full pass that tracks paths and explains the schema validator's reports, and the
 * builder of the tree in CI's JSON form that the reader binds.
 */
package dev.cicallback.validator.internal.xml;
