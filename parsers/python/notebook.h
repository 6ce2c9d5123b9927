// Databricks notebooks exported as .py: "# Databricks notebook source" on the
// first line, cells separated by "# COMMAND ----------", magic cells written
// as "# MAGIC ..." comment lines. Python cells need no work (the file parses
// as Python and MAGIC lines are comments); this finds the %sql cells and the
// %run includes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "parsers/python/value.h"

namespace pipelint::py {

struct NotebookSqlCell {
  VStr text;            // the cell's SQL, each line mapped to its bytes in the file
  size_t magic_offset;  // offset of "%sql" (where unmappable names are reported)
};

struct NotebookMagic {
  std::vector<NotebookSqlCell> sql_cells;
  std::vector<std::string> run_targets;  // as written after %run
};

bool is_notebook(std::string_view bytes);
NotebookMagic scan_notebook(std::string_view bytes, const void* origin);

// Repository-relative module files a %run target may name, relative to the
// notebook's folder (with or without ".py").
std::vector<std::string> run_target_files(const std::string& notebook_path, const std::string& target);

}  // namespace pipelint::py
