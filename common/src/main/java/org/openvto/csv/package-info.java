/**
 * RFC 4180 CSV: {@link org.openvto.csv.Csv#parse} reads a whole file into rows (malformed input is an error naming
 * the line, never an exception), {@link org.openvto.csv.Csv#line} writes one row. Used by the people import and
 * the record exports.
 */
package org.openvto.csv;
