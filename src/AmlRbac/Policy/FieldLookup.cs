namespace AmlRbac.Policy;

/// <summary>Whether a request has a field: it is there (possibly JSON null), it is absent, or AmlRbac cannot tell.</summary>
internal enum FieldState
{
    Present,
    Absent,
    Unknown,
}

/// <summary>
/// The answer of <see cref="IPolicyRequest.Field"/>: the value, or why it cannot be told. <see cref="Note"/> states an
/// assumption the value rests on, so the verdict can say so.
/// </summary>
internal readonly record struct FieldLookup(FieldState State, object? Value, string? Note)
{
    public static FieldLookup Present(object? value, string? assumption = null) => new(FieldState.Present, value, assumption);
    public static FieldLookup Absent(string? assumption = null) => new(FieldState.Absent, null, assumption);
    public static FieldLookup Unknown(string reason) => new(FieldState.Unknown, null, reason);
}
