package org.autocollections.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.autocollections.api.CollectionCase;
import org.autocollections.fuzz.Mutations.Field;
import org.autocollections.fuzz.Mutations.Kind;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/**
 * The fuzz schema is every field of the real request and nothing else, each of the right kind, required when the
 * request type requires it, with the enumeration's constants: a field added to the request and not to the schema
 * (so never fuzzed) fails here.
 */
@DatabaseFree
class CaseSchemaTest {

    /** What the request type says of a field, as the schema writes it. */
    private record Declared(String kind, boolean required, String values) {
    }

    @Test
    void theFuzzSchemaHasEveryFieldOfTheRequestAsTheRequestDeclaresIt() {
        Map<String, Declared> declared = new TreeMap<>();
        walk(CollectionCase.class, "", declared);
        Map<String, Declared> schema = new TreeMap<>();
        CaseSchema.CASE.forEach((path, field) -> schema.put(path, new Declared(family(field.kind()),
                field.required(), String.valueOf(field.values()))));
        assertThat(schema).isEqualTo(declared);
    }

    private static void walk(Class<?> record, String prefix, Map<String, Declared> fields) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            boolean required = component.getAccessor().isAnnotationPresent(NotNull.class)
                    || component.getAccessor().isAnnotationPresent(NotBlank.class);
            add(component.getType(), component.getAnnotatedType(), path, required, fields);
        }
    }

    private static void add(Class<?> type, AnnotatedType annotated, String path, boolean required, Map<String, Declared> fields) {
        if (type.isRecord()) {
            fields.put(path, new Declared("OBJECT", required, "[]"));
            walk(type, path + ".", fields);
        } else if (Collection.class.isAssignableFrom(type)) {
            fields.put(path, new Declared("ARRAY", required, "[]"));
            AnnotatedType element = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
            add((Class<?>) element.getType(), element, path + "[]", element.isAnnotationPresent(NotNull.class), fields);
        } else if (type.isEnum()) {
            fields.put(path, new Declared("ENUM", required,
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList().toString()));
        } else {
            fields.put(path, new Declared(scalar(type), required, "[]"));
        }
    }

    /** The family of each scalar Java type a request field has. */
    private static final Map<Class<?>, String> SCALARS = Map.of(String.class, "TEXT", BigDecimal.class, "DECIMAL",
            Integer.class, "INTEGER", LocalDate.class, "DATE", OffsetDateTime.class, "TIMESTAMP", Boolean.class, "BOOL");

    private static String scalar(Class<?> type) {
        return SCALARS.getOrDefault(type, type.getName());
    }

    /** The JSON family of a fuzz kind, which the request type's Java type decides. */
    private static String family(Kind kind) {
        return switch (kind) {
            case ID, PATH_ID, TEXT, ZONE, CURRENCY, STATE -> "TEXT";
            case MONEY, RATE -> "DECIMAL";
            case SCORE, MONTHS, COUNT -> "INTEGER";
            default -> kind.name();
        };
    }
}
