package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.daysofchaos.core.report.ActionItem;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.Notes;
import org.daysofchaos.core.report.ReportJson;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.report.DbReports;
import org.daysofchaos.scoreboard.report.NotesStore;
import org.daysofchaos.scoreboard.report.ReportCsv;
import org.daysofchaos.scoreboard.report.ReportPages;
import org.daysofchaos.scoreboard.report.ReportPdf;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;

/**
 * Resilience reports (docs/reports.md): the page of a game day and of the trends across game days,
 * and their JSON, CSV and PDF; the game master's notes. For managers (viewers) and game masters;
 * players see the board, not the report.
 */
@Path("/api/reports")
@RolesAllowed({Roles.GAME_MASTER, Roles.VIEWER})
public class ReportResource {
  private static final String CSV = "text/csv; charset=utf-8";
  private static final String PDF = "application/pdf";

  @Inject DbReports reports;
  @Inject ReportPages pages;
  @Inject NotesStore notes;
  @Inject GameDays gameDays;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject SecurityIdentity identity;

  /** The body of {@code PUT /api/reports/{id}/notes}. */
  public record NotesBody(String text, List<ActionItem> actions) {}

  @GET
  @Path("")
  @Produces(MediaType.APPLICATION_JSON)
  public String trendJson() {
    return ReportJson.toJson(reports.trend(n -> {}).report());
  }

  @GET
  @Path("trend.csv")
  @Produces(CSV)
  public Response trendCsv() {
    return download(ReportCsv.toCsv(reports.trend(n -> {}).gameDays()), CSV, "trend.csv");
  }

  @GET
  @Path("trend.pdf")
  @Produces(PDF)
  public Response trendPdf() {
    String html = pages.trend(reports.trend(n -> {}).report(), ReportPages.Medium.PDF);
    return download(ReportPdf.render(html), PDF, "trend.pdf");
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public String json(@PathParam("id") String id) {
    return ReportJson.toJson(reports.gameDay(id));
  }

  @GET
  @Path("{id}/report.csv")
  @Produces(CSV)
  public Response csv(@PathParam("id") String id) {
    return download(ReportCsv.toCsv(List.of(reports.gameDay(id))), CSV, id + ".csv");
  }

  @GET
  @Path("{id}/report.pdf")
  @Produces(PDF)
  public Response pdf(@PathParam("id") String id) {
    GameDayReport report = reports.gameDay(id);
    byte[] pdf = ReportPdf.render(pages.gameDay(report, ReportPages.Medium.PDF, false));
    return download(pdf, PDF, id + ".pdf");
  }

  /** Replaces the game master's notes and action items of a game day. */
  @PUT
  @Path("{id}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.GAME_MASTER)
  public Notes putNotes(@PathParam("id") String id, NotesBody body) {
    gameDays.get(id); // 404 for an unknown game day
    if (body == null) {
      throw new IllegalArgumentException("give the notes: {\"text\": \"...\", \"actions\": [...]}");
    }
    String who = Caller.name(identity);
    List<ActionItem> actions = body.actions() == null ? List.of() : body.actions();
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i) == null) {
        throw new IllegalArgumentException("actions[" + i + "]: an action item, not null");
      }
    }
    Notes saved = notes.save(id, body.text(), actions, who, clock.instant());
    audit.record(who, "report-notes", "game day " + id, saved.actions().size() + " action item(s)");
    return saved;
  }

  /** The pages: {@code /reports} (trends) and {@code /reports/{id}} (a game day). */
  @Path("/reports")
  @RolesAllowed({Roles.GAME_MASTER, Roles.VIEWER})
  public static class Pages {
    @Inject DbReports reports;
    @Inject ReportPages pages;
    @Inject SecurityIdentity identity;

    @GET
    @Path("")
    @Produces(MediaType.TEXT_HTML)
    public String trendPage() {
      return pages.trend(reports.trend(n -> {}).report(), ReportPages.Medium.WEB);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public String page(@PathParam("id") String id) {
      return pages.gameDay(
          reports.gameDay(id), ReportPages.Medium.WEB, identity.hasRole(Roles.GAME_MASTER));
    }
  }

  private static Response download(Object body, String type, String name) {
    return Response.ok(body, type)
        .header("Content-Disposition", "inline; filename=\"" + name + "\"")
        .build();
  }
}
