print("trying things out")
