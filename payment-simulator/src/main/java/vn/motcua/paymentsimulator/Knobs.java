package vn.motcua.paymentsimulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The test knobs of docs/payment-provider-protocol.md ("Simulator knobs"); each holds until changed. An immutable
 * value replaced as a whole, so a notification in flight sees one consistent set.
 *
 * @param settlementOmit        "" (off), "true" (leave out the first paid order of the day) or an order_ref to leave
 *                              out
 * @param settlementAmountDelta added to the amount of the last line of the file (0 = off)
 */
public record Knobs(
        long callbackDelayMs,
        int callbackDuplicates,
        boolean callbackDrop,
        boolean callbackReorder,
        String autoDecide,
        String settlementOmit,
        long settlementAmountDelta) {

    public static final Knobs DEFAULTS = new Knobs(0, 1, false, false, "", "", 0);

    /** These knobs with the given ones changed; {@code reset=true} starts from the defaults. */
    public Knobs with(Map<String, String> changes) {
        Knobs k = "true".equalsIgnoreCase(changes.getOrDefault("reset", "")) ? DEFAULTS : this;
        long delay = k.callbackDelayMs;
        int duplicates = k.callbackDuplicates;
        boolean drop = k.callbackDrop;
        boolean reorder = k.callbackReorder;
        String auto = k.autoDecide;
        String omit = k.settlementOmit;
        long delta = k.settlementAmountDelta;
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().strip();
            switch (e.getKey()) {
                case "reset" -> {}
                case "callback_delay_ms" -> delay = nonNegative(e.getKey(), v);
                case "callback_duplicates" -> duplicates = (int) Math.max(1, nonNegative(e.getKey(), v));
                case "callback_drop" -> drop = bool(e.getKey(), v);
                case "callback_reorder" -> reorder = bool(e.getKey(), v);
                case "auto_decide" -> {
                    String a = v.toLowerCase(Locale.ROOT);
                    if (!a.isEmpty() && !a.equals("approve") && !a.equals("decline")) {
                        throw new IllegalArgumentException("auto_decide must be approve, decline or empty");
                    }
                    auto = a;
                }
                case "settlement_omit" -> omit = v.equalsIgnoreCase("false") ? "" : v;
                case "settlement_amount_delta" -> delta = integer(e.getKey(), v);
                default -> throw new IllegalArgumentException("unknown knob " + e.getKey());
            }
        }
        return new Knobs(delay, duplicates, drop, reorder, auto, omit, delta);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callback_delay_ms", callbackDelayMs);
        m.put("callback_duplicates", callbackDuplicates);
        m.put("callback_drop", callbackDrop);
        m.put("callback_reorder", callbackReorder);
        m.put("auto_decide", autoDecide);
        m.put("settlement_omit", settlementOmit);
        m.put("settlement_amount_delta", settlementAmountDelta);
        return m;
    }

    private static long nonNegative(String name, String v) {
        long n = integer(name, v);
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return n;
    }

    private static long integer(String name, String v) {
        try {
            return v.isEmpty() ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
    }

    private static boolean bool(String name, String v) {
        if (v.isEmpty() || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " must be true or false");
    }
}
