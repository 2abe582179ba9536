using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenHealthLive.Core.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeLiveDbContextFactory : IDesignTimeDbContextFactory<LiveDbContext>
{
    public LiveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LiveDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
