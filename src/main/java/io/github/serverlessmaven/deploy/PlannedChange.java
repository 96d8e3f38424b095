package io.github.serverlessmaven.deploy;

/**
 * One resource change of a change set.
 *
 * @param action Add, Modify, Remove (or Import, Dynamic)
 * @param replacement True, False, Conditional, or null when CloudFormation did not say
 */
public record PlannedChange(String action, String logicalId, String resourceType, String replacement) {

    public String describe() {
        String verb = switch (action) {
            case "Add" -> "+ add    ";
            case "Remove" -> "- remove ";
            case "Modify" -> "~ modify ";
            default -> "* " + action.toLowerCase(java.util.Locale.ROOT) + " ";
        };
        String replaced = "Modify".equals(action) && replacement != null && !"False".equals(replacement)
                ? ("True".equals(replacement) ? " (replaced)" : " (may be replaced)")
                : "";
        return verb + logicalId + " (" + resourceType + ")" + replaced;
    }
}
