namespace AmlRbac.Catalog;

/// <summary>
/// One operation an activity needs, as the catalog lists it: the entry of <see cref="Activity.Actions"/> or
/// <see cref="Activity.DataActions"/>, where Azure checks it, and the documentation's wildcard it stands for, if any.
/// </summary>
public sealed record RequiredOperation(string Operation, bool IsDataAction, CheckLocation Where, string? DocumentedAs);
