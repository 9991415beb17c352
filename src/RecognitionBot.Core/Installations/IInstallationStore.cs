using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Installations;

/// <summary>Where installations live. A reinstall replaces the earlier one; an uninstall removes it.</summary>
public interface IInstallationStore
{
    Task SaveAsync(Installation installation, CancellationToken ct = default);

    Task<Installation?> FindAsync(Platform platform, string key, CancellationToken ct = default);

    /// <summary>Removes the installation; false if there was none (uninstall events may arrive twice).</summary>
    Task<bool> DeleteAsync(Platform platform, string key, CancellationToken ct = default);
}
