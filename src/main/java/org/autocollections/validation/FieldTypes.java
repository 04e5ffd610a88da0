package org.autocollections.validation;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a field a table constrains holds whole numbers, found from the fact class the table's pattern names
 * ({@code $c : CaseFacts}) through the table's imports. It decides where a band ends: for days past due, 1-30 and
 * 31-60 leave nothing between them; for a loan-to-value ratio, 30 and 31 would leave everything between.
 */
final class FieldTypes {

    private static final Pattern TYPE = Pattern.compile("^\\s*(?:\\$?\\w+\\s*:\\s*)?([A-Za-z_][\\w.]*)");
    private static final Set<Class<?>> WHOLE = Set.of(int.class, long.class, short.class, byte.class, Integer.class,
            Long.class, Short.class, Byte.class, BigInteger.class);

    private final ClassLoader loader;

    FieldTypes(ClassLoader loader) {
        this.loader = loader;
    }

    /** Empty when the class or field cannot be found: the caller then judges by the values. */
    Optional<Boolean> isWholeNumber(String pattern, String field, List<String> imports, String rulesetPackage) {
        return fieldType(pattern, field, imports, rulesetPackage).map(WHOLE::contains);
    }

    /** The type of a field of the fact class a pattern names; empty when either cannot be found. */
    Optional<Class<?>> fieldType(String pattern, String field, List<String> imports, String rulesetPackage) {
        return factType(pattern, imports, rulesetPackage).flatMap(type -> typeOf(type, field));
    }

    /** The fact class a pattern names ({@code $b : OverdueBucket}); empty when it cannot be found. */
    Optional<Class<?>> factType(String pattern, List<String> imports, String rulesetPackage) {
        Matcher m = TYPE.matcher(pattern);
        if (!m.find()) {
            return Optional.empty();
        }
        return load(m.group(1), imports, rulesetPackage);
    }

    private Optional<Class<?>> load(String name, List<String> imports, String rulesetPackage) {
        List<String> candidates = new ArrayList<>();
        candidates.add(name);
        for (String entry : imports) {
            String imported = entry.trim();
            if (imported.endsWith(".*")) {
                candidates.add(imported.substring(0, imported.length() - 1) + name);
            } else if (imported.endsWith("." + name)) {
                candidates.add(imported);
            }
        }
        if (rulesetPackage != null && !rulesetPackage.isBlank()) {
            candidates.add(rulesetPackage.trim() + "." + name);
        }
        candidates.add("java.lang." + name);
        for (String candidate : candidates) {
            try {
                return Optional.of(Class.forName(candidate, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next import
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> typeOf(Class<?> type, String field) {
        String capitalised = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String name : List.of("get" + capitalised, "is" + capitalised, field)) {
            try {
                Method getter = type.getMethod(name);
                return Optional.of(getter.getReturnType());
            } catch (NoSuchMethodException e) {
                // try the next accessor
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                return Optional.of(f.getType());
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return Optional.empty();
    }
}
