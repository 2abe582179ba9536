using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenHealthLive.Core.Storage.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresLiveDbContext</c> build the model without a server.</summary>
internal sealed class DesignTimePostgresLiveDbContextFactory : IDesignTimeDbContextFactory<PostgresLiveDbContext>
{
    public PostgresLiveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLiveDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
