package org.autocollections.lifecycle;

import java.util.Arrays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.autocollections.api.Message;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Language;
import org.autocollections.api.QueryParameters;
import org.autocollections.security.Roles;
import org.autocollections.api.LanguageChoice;
import org.autocollections.validation.Finding;
import org.autocollections.validation.FindingWording;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/rulesets/drafts")
@Tag(name = "Ruleset lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    @Inject
    ApprovalWorkflow workflow;

    @Inject
    DraftStore store;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    HttpHeaders headers;

    @Inject
    LanguageChoice languages;

    /** A draft in a list: where it stands, without its findings and changes. */
    public record DraftSummary(long id, String version, DraftStatus status, String baseVersion, String author,
            Draft.Origin origin, String note, Instant createdAt, Instant updatedAt, String approvedBy,
            Instant approvedAt, int errors, int warnings) {

        static DraftSummary of(Draft d) {
            return new DraftSummary(d.id, d.version, d.status, d.baseVersion, d.author, d.origin, d.note, d.createdAt,
                    d.updatedAt, d.approvedBy, d.approvedAt, d.errorCount, d.warningCount);
        }
    }

    public record FileView(String path, String sha256, long size, boolean uploaded) {
    }

    public record EventView(DraftStatus from, DraftStatus to, String actor, Instant at, String note) {
        static EventView of(RulesetEvent e) {
            return new EventView(e.fromStatus, e.toStatus, e.actor, e.at, e.note);
        }
    }

    /**
     * A draft with everything an approver reads before deciding, and the steps the caller may take on it now
     * (revise, approve, reject, activate, rollback, always in that order), judged as the server will judge them.
     */
    public record DraftView(DraftSummary draft,
            @Schema(type = SchemaType.ARRAY, implementation = Finding.class) JsonNode findings,
            @Schema(type = SchemaType.ARRAY, implementation = DraftChanges.FileChange.class) JsonNode changes,
            List<FileView> files,
            List<EventView> events, List<DraftAction> actions) {
    }

    /**
     * What the checks of an upload find in files not stored: the same findings, worded for the caller, and the cells
     * they change, as a draft of them would show; no draft is made or changed.
     */
    public record CheckView(
            @Schema(description = "The version a draft of these files would have") String version,
            int errors, int warnings,
            @Schema(type = SchemaType.ARRAY, implementation = Finding.class) JsonNode findings,
            @Schema(type = SchemaType.ARRAY, implementation = DraftChanges.FileChange.class) JsonNode changes) {
    }

    /** Why a step was taken, kept in the audit trail. */
    public record Note(String note) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ANALYST, Roles.DEVELOPER })
    @Operation(operationId = "uploadDraft", summary = "Upload decision tables as a new draft",
            description = "Multipart form: one or more 'files' (*.drl.xlsx or *.drl.csv) and an optional 'note'. The draft is "
                    + "the active ruleset with each file in place of its namesake (in any format). It is validated at once: "
                    + "201 with status VALIDATED, or DRAFT with error findings pinned to file, sheet, row and column.")
    @APIResponse(responseCode = "201", description = "The draft, validated",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "503", description = "No ruleset is active yet to base the draft on")
    public Response create(@RestForm("files") List<FileUpload> files, @RestForm("note") String note) {
        Draft draft = workflow.create(uploads(files), note, actor(), Draft.Origin.UPLOAD);
        return Response.created(URI.create("/api/v1/rulesets/drafts/" + draft.id)).entity(view(draft)).build();
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ANALYST, Roles.DEVELOPER })
    @Operation(operationId = "checkUpload", summary = "Check tables as an upload would, storing nothing",
            description = "Same form as the upload (the note is not needed). The files are validated as a new draft on "
                    + "top of the active ruleset would be: 200 with the findings, each pinned to file, sheet, row and "
                    + "column and worded in the caller's language, and the cells they change. No draft is made: the "
                    + "page's table editor asks this as the analyst types.")
    @APIResponse(responseCode = "200", description = "What an upload of these files would find",
            content = @Content(schema = @Schema(implementation = CheckView.class)))
    @APIResponse(responseCode = "503", description = "No ruleset is active yet to check against")
    public CheckView check(@RestForm("files") List<FileUpload> files) {
        return checkView(workflow.tryCreate(uploads(files), actor()));
    }

    @POST
    @Path("/{id}/check")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ANALYST, Roles.DEVELOPER })
    @Operation(operationId = "checkRevision", summary = "Check tables as a revision of an open draft would, storing nothing",
            description = "Same form as the revision. The files are validated in place of their namesakes among the "
                    + "draft's files, against the draft's base version; the draft is unchanged.")
    @APIResponse(responseCode = "200", description = "What revising the draft with these files would find",
            content = @Content(schema = @Schema(implementation = CheckView.class)))
    @APIResponse(responseCode = "409", description = "The draft cannot be revised in its status")
    public CheckView checkRevision(@PathParam("id") String id, @RestForm("files") List<FileUpload> files) {
        return checkView(workflow.tryRevise(id(id), uploads(files), actor()));
    }

    private CheckView checkView(Candidate candidate) {
        int errors = candidate.errorCount();
        return new CheckView(candidate.version(), errors, candidate.findings().size() - errors,
                FindingWording.in(json.valueToTree(candidate.findings()), language()), json.valueToTree(candidate.changes()));
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.DEVELOPER })
    @Operation(operationId = "listDrafts",
            summary = "Drafts and versions, newest first", description = "Every version enters as a draft, so this "
            + "lists the active version, the retired ones and the open drafts. Filter with ?status=VALIDATED.")
    public List<DraftSummary> list(@QueryParam("status") String status, @QueryParam("limit") String limitParameter) {
        int limit = QueryParameters.limit(limitParameter, 100, 1000);
        return store.newestFirst(status == null || status.isBlank() ? null : parse(status), limit).stream().map(DraftSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.DEVELOPER })
    @Operation(operationId = "getDraft",
            summary = "One draft: findings, changed cells, files, its history and what the caller may do now",
            description = "actions lists revise, approve, reject, activate and rollback, in that order: allowed, or "
                    + "blockedBy STATUS, ROLE or FOUR_EYES with a sentence why, as the server will decide the step.")
    public DraftView get(@PathParam("id") String id) {
        return view(store.find(id(id)));
    }

    @POST
    @Path("/{id}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ANALYST, Roles.DEVELOPER })
    @Operation(operationId = "reviseDraft", summary = "Revise an open draft with corrected files",
            description = "Same form as the upload. The draft is validated again and any approval is withdrawn.")
    @APIResponse(responseCode = "200", description = "The draft, validated again",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not possible in the draft's status")
    public DraftView revise(@PathParam("id") String id, @RestForm("files") List<FileUpload> files, @RestForm("note") String note) {
        return view(workflow.revise(id(id), uploads(files), note, actor()));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "approveDraft",
            summary = "Approve a validated draft", description = "Four eyes: whoever uploaded or revised the draft "
            + "cannot approve it (403). Optional body {\"note\": \"...\"}.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD,
            schema = @Schema(implementation = Note.class)))
    @APIResponse(responseCode = "200", description = "The draft, approved",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this, or the caller uploaded or "
            + "revised the draft (four eyes)")
    @APIResponse(responseCode = "409", description = "Not possible in the draft's status")
    public DraftView approve(@PathParam("id") String id, String body) {
        return view(workflow.approve(id(id), note(body), actor()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.APPROVER, Roles.ANALYST, Roles.DEVELOPER })
    @Operation(operationId = "rejectDraft", summary = "Turn down (approver) or withdraw (its author) an open draft")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD,
            schema = @Schema(implementation = Note.class)))
    @APIResponse(responseCode = "200", description = "The draft, rejected",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not possible in the draft's status")
    public DraftView reject(@PathParam("id") String id, String body) {
        return view(workflow.reject(id(id), note(body), actor()));
    }

    @POST
    @Path("/{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "activateDraft",
            summary = "Activate an approved draft", description = "Swaps the ruleset atomically: each decision is "
            + "made wholly by the old or wholly by the new version. The version serving until now is retired.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD,
            schema = @Schema(implementation = Note.class)))
    @APIResponse(responseCode = "200", description = "The draft, now the active version",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not possible in the draft's status")
    public DraftView activate(@PathParam("id") String id, String body) {
        return view(workflow.activate(id(id), note(body), actor()));
    }

    public DraftView view(Draft draft) {
        List<FileView> files = store.fileRows(draft.id).stream()
                .map(f -> new FileView(f.path, f.sha256, java.util.Base64.getDecoder().decode(f.content).length, f.uploaded))
                .toList();
        List<RulesetEvent> history = store.events(draft.id);
        List<DraftAction> actions = ApprovalRules.actions(draft.status, ApprovalRules.authors(draft, history), actor());
        try {
            return new DraftView(DraftSummary.of(draft), FindingWording.in(json.readTree(draft.findings), language()),
                    json.readTree(draft.changes),
                    files, history.stream().map(EventView::of).toList(), actions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The findings' language: these endpoints take no {@code ?lang=}, so Accept-Language or the default. */
    private Language language() {
        return languages.chosen(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), null);
    }

    private Actor actor() {
        return Actor.of(identity);
    }

    public String note(String body) {
        return StepNote.read(json, body);
    }

    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new DraftNotFoundException(Message.of("draft-not-found.detail", id));
        }
    }

    private static DraftStatus parse(String status) {
        try {
            return DraftStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", Message.of("field.one-of", Arrays.toString(DraftStatus.values())));
        }
    }

    private static List<Uploads.Upload> uploads(List<FileUpload> files) {
        List<Uploads.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (FileUpload file : files) {
                try {
                    uploads.add(new Uploads.Upload(file.fileName(), Files.readAllBytes(file.uploadedFile())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return uploads;
    }
}
