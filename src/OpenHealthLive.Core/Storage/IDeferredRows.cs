namespace OpenHealthLive.Core.Storage;

/// <summary>
/// Rows that deferred writes (<see cref="BatchWriter.EnqueueDeferredAsync{T}"/>) gathered outside the change tracker, for
/// the writer to save in as few statements as it can, inside the batch's transaction. Used on the writer only.
/// </summary>
public interface IDeferredRows
{
    /// <summary>Saves every gathered row in the context's current transaction, then forgets them.</summary>
    Task SaveAsync(LiveDbContext db, CancellationToken cancellationToken);

    /// <summary>Forgets every gathered row without saving it: its writes were rolled back.</summary>
    void Discard();
}
