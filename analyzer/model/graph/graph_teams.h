// Teams for the graph: who owns a pipeline (file) and a table. Uses what the
// ownership pass filled in (FileEntry::team) and otherwise decides from the
// file's configuration, so the graph works with or without that pass.
#pragma once
#include <string>

#include "analyzer/model/model.h"

namespace pipelint {

// FileEntry::team when set; else `team:` of the file's config; else the registry
// team whose `paths` match the file or whose `repos` name its repository folder.
std::string pipeline_team(const FileEntry& file);

// The owner of an accessed table: the ownership pass's answer when it ran
// (Model::ownership, an exact name with one owner first), else the first registry
// team (by id) whose `owns` globs match; "" if none.
std::string owner_of_table(const Model& model, const TableAccess& access, const std::string& table);

}  // namespace pipelint
