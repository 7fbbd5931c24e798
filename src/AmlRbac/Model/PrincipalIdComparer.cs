namespace AmlRbac.Model;

/// <summary>
/// Compares principal object ids as GUIDs when both are GUIDs, so "0000...0000" and
/// "00000000-0000-0000-0000-000000000000" are the same principal (Azure prints both forms), and
/// case-insensitively otherwise. Lookups with the caller's string do not allocate.
/// </summary>
internal sealed class PrincipalIdComparer : IEqualityComparer<string>
{
    public static PrincipalIdComparer Instance { get; } = new();

    public bool Equals(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }
        var xIsGuid = Guid.TryParse(x.AsSpan().Trim(), out var gx);
        var yIsGuid = Guid.TryParse(y.AsSpan().Trim(), out var gy);
        return xIsGuid == yIsGuid && (xIsGuid ? gx == gy : string.Equals(x.Trim(), y.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public int GetHashCode(string obj) =>
        Guid.TryParse(obj.AsSpan().Trim(), out var guid) ? guid.GetHashCode() : StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Trim());
}
