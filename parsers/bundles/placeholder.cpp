// bundles parser: see README.md in this folder once written.
namespace pipelint { int bundles_placeholder = 0; }
