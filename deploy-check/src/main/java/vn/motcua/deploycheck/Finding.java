package vn.motcua.deploycheck;

/**
 * One broken rule. {@code object} is {@code Kind/namespace/name} (namespace omitted when unset), {@code message} says
 * what is wrong in that object and how to fix it.
 */
public record Finding(Rule rule, String object, String message) {

    @Override
    public String toString() {
        return rule + " " + object + ": " + message;
    }
}
