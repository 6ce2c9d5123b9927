// pipeline_yaml parser: see README.md in this folder once written.
namespace pipelint { int pipeline_yaml_placeholder = 0; }
