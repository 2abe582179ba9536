using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenHealthLive.Web.Tests.Infrastructure;

/// <summary>Makes the real database refuse every write while <see cref="Failing"/> is on, as a full or broken disk would.</summary>
public sealed class WriteSwitch : SaveChangesInterceptor
{
    public bool Failing { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        Failing ? throw new DbUpdateException("Simulated: the disk refuses writes.") : ValueTask.FromResult(result);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        Failing ? throw new DbUpdateException("Simulated: the disk refuses writes.") : result;
}
