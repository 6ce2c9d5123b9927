// airflow parser: see README.md in this folder once written.
namespace pipelint { int airflow_placeholder = 0; }
