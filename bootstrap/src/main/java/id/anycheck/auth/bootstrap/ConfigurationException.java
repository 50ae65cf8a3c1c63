package id.anycheck.auth.bootstrap;

/** An environment variable with a value the service cannot use; the message names it and the fix. */
final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConfigurationException(Variable variable, String problem) {
        super(variable.key() + " " + problem);
    }
}
