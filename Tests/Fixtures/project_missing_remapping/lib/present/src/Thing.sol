// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Reached only through --remap gone/=lib/present/src/ (ProjectTests).
abstract contract Thing {}
