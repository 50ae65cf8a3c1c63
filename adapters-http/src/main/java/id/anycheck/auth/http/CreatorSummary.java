package id.anycheck.auth.http;

/** Who created a resource, in responses: {@code type} user, api_key or operator, and its id (null for the operator). */
record CreatorSummary(String type, String id) {
}
