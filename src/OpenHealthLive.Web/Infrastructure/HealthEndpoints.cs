using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers too.</summary>
internal static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (IDbContextFactory<LiveDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            // A real round trip, not only a connection from the pool: after a database restart the pool holds
            // dead connections that only a query finds out (and the first failure empties the pool).
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
                return Results.Text("ready");
            }
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable");
            }
        });
        return app;
    }
}
