package demo.petclinic;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Collection;

@Controller
class VetController {
    private final VetRepository vets;

    VetController(VetRepository vets) {
        this.vets = vets;
    }

    @GetMapping("/vets.html")
    String showVetList(Model model) {
        model.addAttribute("vets", vets.findAll());
        return "vets/vetList";
    }

    @GetMapping("/vets")
    @ResponseBody
    Collection<Vet> showResourcesVetList() {
        return vets.findAll();
    }
}
