using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>A model a deployable-models listing asks about, and where its asset id comes from.</summary>
public sealed record CatalogModel(ModelAsset Model, string Source);
