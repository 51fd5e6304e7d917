package id.go.jambiprov.lapor.web;

/**
 * One offending field of a request, as listed in a 400 problem's {@code errors} member.
 *
 * @param field the JSON path of the field, e.g. {@code reporter.email}
 * @param code a stable machine-readable code, e.g. {@code required}
 * @param message the human message in the caller's language
 */
public record FieldProblem(String field, String code, String message) {
}
