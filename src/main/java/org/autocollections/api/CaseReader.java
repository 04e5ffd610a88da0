package org.autocollections.api;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;


/**
 * Turns a JSON case into a {@link CollectionCase}, or into a list of the fields at fault. Strict on purpose: an
 * unknown field, a number sent as a string or an enum sent as a number is refused, because a misspelt field the
 * service silently ignored would be a wrong decision nobody notices.
 */
@ApplicationScoped
public class CaseReader {

    private static final Set<String> CURRENCIES = java.util.Currency.getAvailableCurrencies().stream()
            .map(java.util.Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final ObjectReader reader;
    private final Validator validator;

    @Inject
    public CaseReader(ObjectMapper json, Validator validator) {
        // The mapper already refuses a value of the wrong JSON type (JsonSetup); a case also refuses unknown fields.
        this.reader = json.readerFor(CollectionCase.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        this.validator = validator;
    }

    public CollectionCase read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidRequestException("", Message.of("field.body-not-case"));
        }
        if (!node.isObject()) {
            throw new InvalidRequestException("", Message.of("field.case-not-object", node.getNodeType().name().toLowerCase()));
        }
        CollectionCase request;
        try {
            request = reader.readValue(node);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(fieldError(e)));
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("", Message.verbatim(e.getMessage()));
        }
        List<FieldMessage> errors = new ArrayList<>();
        Set<ConstraintViolation<CollectionCase>> violations = validator.validate(request);
        violations.stream()
                .map(v -> new FieldMessage(path(v.getPropertyPath()), Message.verbatim(v.getMessage())))
                .sorted(Comparator.comparing(FieldMessage::field))
                .forEach(errors::add);
        if (errors.isEmpty()) {
            checkConsistency(request, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return request;
    }

    /** Rules that relate two fields, which field annotations cannot express. */
    private static void checkConsistency(CollectionCase c, List<FieldMessage> errors) {
        if (c.loan().overdueAmount().compareTo(c.loan().outstandingBalance()) > 0) {
            errors.add(new FieldMessage("loan.overdueAmount", Message.of("field.must-not-exceed", "loan.outstandingBalance")));
        }
        String currency = c.loan().currency();
        if (currency != null && !CURRENCIES.contains(currency)) {
            // three capitals that are no currency would be totalled as one in every report by currency
            errors.add(new FieldMessage("loan.currency", Message.of("field.currency")));
        }
        String zone = c.borrower().timeZone();
        if (zone == null && c.jurisdictionOrDefault() == Jurisdiction.US) {
            errors.add(new FieldMessage("borrower.timeZone", Message.of("field.us-time-zone")));
        }
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                errors.add(new FieldMessage("borrower.timeZone", Message.of("field.time-zone")));
            }
        }
    }

    public static FieldMessage fieldError(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            return new FieldMessage(field, Message.of("field.not-a-field", u.getReferringClass().getSimpleName().replace("CollectionCase", "the case")));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return new FieldMessage(field, expected(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new FieldMessage(field, expected(m.getTargetType()));
        }
        return new FieldMessage(field, e.getOriginalMessage() == null ? Message.of("field.not-valid")
                : Message.verbatim(firstLine(e.getOriginalMessage())));
    }

    private static Message expected(Class<?> type) {
        if (type.isEnum()) {
            return Message.of("field.one-of", Arrays.toString(type.getEnumConstants()));
        }
        if (java.time.OffsetDateTime.class.equals(type) || java.time.Instant.class.equals(type)) {
            return Message.of("field.timestamp");
        }
        if (java.time.LocalDate.class.equals(type)) {
            return Message.of("field.date");
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Message.of("field.iso-8601", type.getSimpleName());
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return Message.of("field.number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Message.of("field.boolean");
        }
        if (type == String.class) {
            return Message.of("field.string");
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return Message.of("field.array");
        }
        return Message.of("field.object", type.getSimpleName());
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String path(Path violationPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violationPath) {
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
