using System.Globalization;

namespace OrderEngine.Runtime.Sqlite;

/// <summary>
/// ETags of the SQLite providers are row versions written as invariant decimal integers. Versions are unique
/// in the database (see <see cref="SqliteVersionCounter"/>); callers treat them as opaque.
/// </summary>
internal static class ETagVersion
{
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses an ETag this provider issued; anything else can never match a stored row.</summary>
    public static bool TryParse(string? eTag, out long version) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0 && Format(version) == eTag;
}
